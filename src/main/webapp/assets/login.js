// The OpenID Provider's login page: passkeys, which need script. The page's forms work without it (password and
// a code); this shows the passkey form and fills in the assertion it posts (a passwordless login, or the second
// step when the form carries an mfa_token).

import { assertion, passkeysAvailable } from './webauthn.js';

const form = document.getElementById('passkey-form');

function showError(text) {
    const error = document.getElementById('passkey-error');
    error.textContent = text;
    error.hidden = !text;
}

async function usePasskey() {
    showError('');
    const token = form.elements.mfa_token;
    let options;
    try {
        const response = await fetch(form.dataset.options, {
            method: 'POST', credentials: 'same-origin', cache: 'no-store',
            headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
            body: JSON.stringify(token ? { mfa_token: token.value } : {}),
        });
        options = response.ok ? await response.json() : null;
    } catch {
        options = null;
    }
    if (!options) {
        showError(form.dataset.unavailable);
        return;
    }
    const passkey = await assertion(options);
    if (!passkey) {
        showError(form.dataset.none);
        return;
    }
    for (const [name, value] of Object.entries(passkey)) {
        form.elements[name].value = value;
    }
    form.submit();
}

if (form && passkeysAvailable()) {
    form.hidden = false;
    document.getElementById('passkey-button').addEventListener('click', usePasskey);
}
