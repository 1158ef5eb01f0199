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
}
