package io.github.accounts.mail.control;

import java.util.List;

/** The mails the service writes, in Korean and English. */
public final class Letters {

    private Letters() {
    }

    /** After registration: a link and a short code that prove the address is the user's. */
    public static Letter verification(String language, String username, String link, String code, long validMinutes) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("이메일 주소를 확인해 주세요", List.of(username + "님, 안녕하세요.",
                    "이 주소로 계정이 등록되었습니다. 아래 링크를 열거나 확인 코드를 입력해 이메일 주소를 확인해 주세요. "
                            + validMinutes + "분 동안 유효합니다.",
                    "직접 등록하지 않으셨다면 이 메일을 무시하셔도 됩니다."), link, "이메일 주소 확인", "확인 코드: " + code);
        }
        return new Letter("Please verify your email address", List.of("Hello " + username + ",",
                "An account was registered with this address. Open the link below or enter the code to verify it. "
                        + "Both are valid for " + validMinutes + " minutes.",
                "If this was not you, you may ignore this mail."), link, "Verify my email address", "Verification code: " + code);
    }

    /** A forgotten password: the link that sets a new one. */
    public static Letter passwordReset(String language, String username, String link, long validMinutes) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("비밀번호 재설정", List.of(username + "님, 안녕하세요.",
                    "비밀번호 재설정이 요청되었습니다. 아래 링크에서 새 비밀번호를 정할 수 있습니다. " + validMinutes
                            + "분 동안 한 번만 사용할 수 있습니다.",
                    "직접 요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다."), link, "새 비밀번호 정하기", null);
        }
        return new Letter("Reset your password", List.of("Hello " + username + ",",
                "Someone asked to reset the password of your account. The link below lets you choose a new one; it works once, within "
                        + validMinutes + " minutes.",
                "If this was not you, ignore this mail: your password stays as it is."), link, "Choose a new password", null);
    }

    /** After a reset: the password was changed and every session ended. */
    public static Letter passwordChanged(String language, String username) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("비밀번호가 변경되었습니다", List.of(username + "님, 안녕하세요.",
                    "계정의 비밀번호가 재설정되었고 모든 기기에서 로그아웃되었습니다.",
                    "직접 변경하지 않으셨다면 즉시 비밀번호를 다시 재설정하고 관리자에게 알려 주세요."), null, null, null);
        }
        return new Letter("Your password was changed", List.of("Hello " + username + ",",
                "The password of your account was reset, and every session of it was ended.",
                "If this was not you, reset your password again at once and tell the service's operator."), null, null, null);
    }
}
