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

    /** Someone registered with an address that has an account (the answer did not tell them): the owner hears of it. */
    public static Letter registrationAttempt(String language, String username, String link) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("이 주소로 다시 가입하려는 시도가 있었습니다", List.of(username + "님, 안녕하세요.",
                    "이미 계정이 있는 이 주소로 누군가 새 계정을 등록하려고 했습니다. 계정은 그대로입니다.",
                    "직접 하신 일이라면 로그인하시고, 비밀번호가 기억나지 않으면 아래 링크에서 재설정을 요청하세요. "
                            + "직접 하지 않으셨다면 이 메일을 무시하셔도 됩니다."), link, "로그인 또는 비밀번호 재설정", null);
        }
        return new Letter("Someone tried to register with your address", List.of("Hello " + username + ",",
                "Someone tried to register a new account with this address, which already has one. Your account is unchanged.",
                "If this was you, log in; if you forgot your password, ask for a reset on the page below. "
                        + "If this was not you, you may ignore this mail."), link, "Log in or reset my password", null);
    }

    /** An email change: the link, mailed to the new address, that makes it the account's. */
    public static Letter emailChange(String language, String username, String link, long validMinutes) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("새 이메일 주소를 확인해 주세요", List.of(username + "님, 안녕하세요.",
                    "계정의 이메일 주소를 이 주소로 바꾸도록 요청되었습니다. 아래 링크를 열면 바뀝니다. "
                            + validMinutes + "분 동안 한 번만 사용할 수 있습니다.",
                    "직접 요청하지 않으셨다면 이 메일을 무시하세요. 아무것도 바뀌지 않습니다."), link, "이 주소로 바꾸기", null);
        }
        return new Letter("Confirm your new email address", List.of("Hello " + username + ",",
                "You asked to make this the email address of your account. Open the link below to do so; it works once, within "
                        + validMinutes + " minutes.",
                "If this was not you, ignore this mail: nothing changes."), link, "Use this address", null);
    }

    /** After an email change: the old address hears of it, with a link that undoes it. */
    public static Letter emailChanged(String language, String username, String newAddress, String undoLink, long validDays) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("계정의 이메일 주소가 바뀌었습니다", List.of(username + "님, 안녕하세요.",
                    "계정의 이메일 주소가 " + newAddress + "(으)로 바뀌었고 모든 기기에서 로그아웃되었습니다.",
                    "직접 바꾸지 않으셨다면 " + validDays + "일 안에 아래 링크로 되돌리고 비밀번호를 재설정하세요."),
                    undoLink, "변경 되돌리기", null);
        }
        return new Letter("The email address of your account was changed", List.of("Hello " + username + ",",
                "The email address of your account is now " + newAddress + ", and every session of it was ended.",
                "If this was not you, undo the change with the link below within " + validDays + " days, then reset your password."),
                undoLink, "Undo the change", null);
    }

    /** After an account was deleted: what happened, and that nothing more will come. */
    public static Letter accountDeleted(String language, String username) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("계정이 삭제되었습니다", List.of(username + "님, 안녕하세요.",
                    "요청하신 대로 계정과 개인 정보가 삭제되었고 모든 기기에서 로그아웃되었습니다. 이 주소로 더 이상 메일을 보내지 않습니다.",
                    "직접 삭제하지 않으셨다면 서비스 운영자에게 알려 주세요."), null, null, null);
        }
        return new Letter("Your account was deleted", List.of("Hello " + username + ",",
                "As you asked, your account and its personal data were deleted, and every session of it was ended. "
                        + "No more mail will come to this address from us.",
                "If this was not you, tell the service's operator."), null, null, null);
    }

    /** A second factor (an authenticator app) was turned on, with new recovery codes. */
    public static Letter secondFactorAdded(String language, String username) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("2단계 인증이 설정되었습니다", List.of(username + "님, 안녕하세요.",
                    "계정에 인증 앱(TOTP) 2단계 인증이 설정되었습니다. 이제 로그인할 때 비밀번호와 함께 앱의 코드가 필요합니다. "
                            + "복구 코드는 안전한 곳에 보관해 주세요.",
                    "직접 설정하지 않으셨다면 즉시 비밀번호를 재설정하고 서비스 운영자에게 알려 주세요."), null, null, null);
        }
        return new Letter("Two-step verification was turned on", List.of("Hello " + username + ",",
                "An authenticator app (TOTP) was set up as a second factor of your account: from now on a login needs its code "
                        + "as well as your password. Keep your recovery codes somewhere safe.",
                "If this was not you, reset your password at once and tell the service's operator."), null, null, null);
    }

    /** The second factor was removed, by the user or by an administrator. */
    public static Letter secondFactorRemoved(String language, String username, boolean byAdministrator) {
        if (Languages.KOREAN.equals(language)) {
            return new Letter("2단계 인증이 해제되었습니다", List.of(username + "님, 안녕하세요.",
                    (byAdministrator ? "관리자가 계정의 2단계 인증(인증 앱과 복구 코드)을 초기화했습니다."
                            : "계정의 2단계 인증(인증 앱과 복구 코드)이 해제되었고 다른 기기에서는 로그아웃되었습니다.")
                            + " 이제 비밀번호만으로 로그인할 수 있습니다.",
                    "직접 요청하지 않으셨다면 즉시 비밀번호를 재설정하고 서비스 운영자에게 알려 주세요."), null, null, null);
        }
        return new Letter("Two-step verification was turned off", List.of("Hello " + username + ",",
                (byAdministrator ? "An administrator reset the second factor of your account (the authenticator app and the recovery codes)."
                        : "The second factor of your account (the authenticator app and the recovery codes) was removed, and your other sessions were ended.")
                        + " Your password alone now logs you in.",
                "If you did not ask for this, reset your password at once and tell the service's operator."), null, null, null);
    }
}
