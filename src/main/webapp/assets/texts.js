// The page's words for the account-recovery screens, in English and Korean (by the browser's languages, like the
// mails); elements marked data-t="key" are translated when the page loads.

const TEXTS = {
    en: {
        login: 'Log in',
        email: 'Email',
        forgot: 'Forgot your password?',
        resendLink: 'No verification mail?',
        forgotTitle: 'Forgot your password',
        forgotHint: 'Enter the address of your account: we mail it a link that lets you choose a new password.',
        resendTitle: 'Verify your email address',
        resendHint: 'Enter the address you registered with: if it still needs verifying, we mail it a new link.',
        sendLink: 'Mail me a link',
        resetTitle: 'Choose a new password',
        newPassword: 'New password',
        setPassword: 'Set the new password',
        backToLogin: 'Back to log in',
        currentPassword: 'Current password',
        changeEmail: 'Change email address',
        changeEmailHint: 'We mail a link to the new address; the address changes when you open it.',
        newEmail: 'New email address',
        yourData: 'Your data',
        exportHint: 'Download everything this service holds about you, as a JSON file.',
        export: 'Download my data',
        deleteHint: 'Deleting your account ends every session and erases your data. It cannot be undone.',
        delete: 'Delete my account',
        deleteConfirm: 'Delete your account for good?',
        linkMailed: 'If an account has this address, a mail with a link is on its way.',
        checkYourMail: 'Check your mail: open the link we sent to verify your address, then log in.',
        passwordReset: 'Your password has been changed and every session ended. Log in with the new password.',
        emailVerified: 'Your email address is verified. You can log in now.',
        emailConfirmed: 'Your email address has been changed and every session ended. Log in with the new address.',
        emailUndone: 'The change of your email address has been undone and every session ended. Please reset your password too.',
        emailChangeMailed: 'We mailed a link to the new address; your address changes when you open it.',
        deleted: 'Your account has been deleted.',
        linkInvalid: 'This link is not valid (any more).',
    },
    ko: {
        login: '로그인',
        email: '이메일',
        forgot: '비밀번호를 잊으셨나요?',
        resendLink: '확인 메일을 받지 못하셨나요?',
        forgotTitle: '비밀번호 찾기',
        forgotHint: '계정의 이메일 주소를 입력하세요. 새 비밀번호를 정할 수 있는 링크를 보내 드립니다.',
        resendTitle: '이메일 주소 확인',
        resendHint: '가입한 이메일 주소를 입력하세요. 아직 확인되지 않았다면 새 링크를 보내 드립니다.',
        sendLink: '링크 보내기',
        resetTitle: '새 비밀번호 정하기',
        newPassword: '새 비밀번호',
        setPassword: '새 비밀번호 저장',
        backToLogin: '로그인으로 돌아가기',
        currentPassword: '현재 비밀번호',
        changeEmail: '이메일 주소 변경',
        changeEmailHint: '새 주소로 링크를 보내 드립니다. 링크를 열면 주소가 바뀝니다.',
        newEmail: '새 이메일 주소',
        yourData: '내 데이터',
        exportHint: '이 서비스가 가진 내 정보를 모두 JSON 파일로 내려받습니다.',
        export: '내 데이터 내려받기',
        deleteHint: '계정을 삭제하면 모든 세션이 끝나고 데이터가 지워집니다. 되돌릴 수 없습니다.',
        delete: '계정 삭제',
        deleteConfirm: '계정을 정말 삭제할까요?',
        linkMailed: '이 주소의 계정이 있다면 링크가 담긴 메일이 곧 도착합니다.',
        checkYourMail: '메일을 확인하세요. 보내 드린 링크로 주소를 확인한 뒤 로그인하세요.',
        passwordReset: '비밀번호가 변경되었고 모든 세션이 종료되었습니다. 새 비밀번호로 로그인하세요.',
        emailVerified: '이메일 주소가 확인되었습니다. 이제 로그인할 수 있습니다.',
        emailConfirmed: '이메일 주소가 바뀌었고 모든 세션이 종료되었습니다. 새 주소로 로그인하세요.',
        emailUndone: '이메일 주소 변경을 되돌렸고 모든 세션이 종료되었습니다. 비밀번호도 재설정하세요.',
        emailChangeMailed: '새 주소로 링크를 보냈습니다. 링크를 열면 주소가 바뀝니다.',
        deleted: '계정이 삭제되었습니다.',
        linkInvalid: '이 링크는 (더 이상) 유효하지 않습니다.',
    },
};

export const LANGUAGE = (navigator.languages || [navigator.language || 'en'])
    .map((tag) => String(tag).toLowerCase().split('-')[0]).find((tag) => tag in TEXTS) || 'en';

export function t(key) {
    return TEXTS[LANGUAGE][key] || TEXTS.en[key] || key;
}

/** Puts the page's language on every element marked data-t. */
export function translate(root) {
    root.documentElement.lang = LANGUAGE;
    root.querySelectorAll('[data-t]').forEach((element) => { element.textContent = t(element.dataset.t); });
}
