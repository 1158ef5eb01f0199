// The reference browser client of the account service. The access token lives only in this module's memory;
// the refresh token travels in an HttpOnly cookie the page never sees (X-Token-Transport: cookie).

import { LANGUAGE, t, translate } from './texts.js';
import { assertion, b64url } from './webauthn.js';

const TRANSPORT = { 'X-Token-Transport': 'cookie' };
const CHECK_EVERY_MS = 5000;
const REFRESH_LOCK = 'accounts-refresh';

let accessToken = null;
let refreshTimer = null;
let checkTimer = null;
let refreshing = null;

const $ = (id) => document.getElementById(id);

async function call(method, path, body, authorized = true, accept = 'application/json') {
    const headers = { ...TRANSPORT, Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (authorized && accessToken) headers.Authorization = `Bearer ${accessToken}`;
    const response = await fetch(path, {
        method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: response.status, json, text, retryAfter: response.headers.get('Retry-After') };
}

/** Calls the API with the access token; when it has expired, refreshes once and tries again. */
async function authorizedCall(method, path, body, accept) {
    let reply = await call(method, path, body, true, accept);
    if (reply.status === 401 && await refresh()) {
        reply = await call(method, path, body, true, accept);
    }
    if (reply.status === 401) {
        signedOut(t('sessionEnded'));
    }
    return reply;
}

function message(reply) {
    if (reply.status === 429) {
        const seconds = Number(reply.retryAfter) || 1;
        return t('tooMany', seconds);
    }
    if (reply.json && reply.json.detail) return reply.json.detail;
    if (reply.status >= 500) return t('unavailable');
    return t('wrong');
}

function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
    form.querySelectorAll('input').forEach((input) => input.removeAttribute('aria-invalid'));
    const general = form.querySelector('.form-error');
    general.hidden = true;
    general.textContent = '';
}

/** Shows a problem inline: each invalid field next to its input, anything else above the form. */
function showProblem(form, reply) {
    const errors = (reply.json && reply.json.errors) || [];
    let placed = 0;
    for (const error of errors) {
        const input = form.querySelector(`[name="${error.field}"]`);
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            $(input.getAttribute('aria-describedby').split(' ')[0]).textContent = `${label(input)} ${error.message}.`;
            if (placed === 0) input.focus();
            placed += 1;
        }
    }
    if (placed < errors.length || errors.length === 0) {
        const general = form.querySelector('.form-error');
        general.textContent = message(reply);
        general.hidden = false;
    }
}

function label(input) {
    return form(input).querySelector(`label[for="${input.id}"]`).textContent;
}

function form(input) {
    return input.closest('form');
}

function values(formElement) {
    return Object.fromEntries(new FormData(formElement).entries());
}

function status(text) {
    const element = $('status');
    element.textContent = text || '';
    element.hidden = !text;
}

function signedIn(reply) {
    accessToken = reply.json.access_token;
    clearTimeout(refreshTimer);
    // a fresh access token a little before this one expires
    refreshTimer = setTimeout(refresh, Math.max(5, reply.json.expires_in - 30) * 1000);
    clearInterval(checkTimer);
    checkTimer = setInterval(checkSession, CHECK_EVERY_MS);
    showAccount();
}

function signedOut(text) {
    accessToken = null;
    clearTimeout(refreshTimer);
    clearInterval(checkTimer);
    $('account').hidden = true;
    $('recovery').hidden = true;
    $('welcome').hidden = false;
    status(text);
    selectTab('login');
}

/** One of the recovery screens (forgot password, verify the address, new password), instead of the login form. */
function showRecovery(which, title) {
    $('welcome').hidden = true;
    $('account').hidden = true;
    $('recovery').hidden = false;
    $('recovery-title').textContent = t(title);
    for (const id of ['forgot-form', 'verify-form', 'mfa-form', 'reset-form']) {
        $(id).hidden = id !== which;
    }
    $(which).querySelector('input').focus();
}

/** The screen that verifies an address by the code of its mail (or mails a new one), for the address if known. */
function showVerify(email) {
    showRecovery('verify-form', 'resendTitle');
    clearErrors($('verify-form'));
    $('verify-email').value = email || '';
    $(email ? 'verify-code' : 'verify-email').focus();
}

/** The links of the mails open the page at #verify-email=…, #reset-password=…, #confirm-email=… and the like. */
async function followMailLink() {
    const [name, token] = location.hash.slice(1).split('=');
    if (!name) return false;
    // the token leaves the address bar (and the history) at once
    history.replaceState(null, '', location.pathname + location.search);
    const posts = {
        'verify-email': ['api/users/email-verification', 'emailVerified'],
        'confirm-email': ['api/users/me/email/confirm', 'emailConfirmed'],
        'undo-email-change': ['api/users/me/email/undo', 'emailUndone'],
    };
    if (name in posts && token) {
        const reply = await call('POST', posts[name][0], { token }, false);
        signedOut(reply.status === 200 ? t(posts[name][1]) : message(reply) || t('linkInvalid'));
        return true;
    }
    if (name === 'reset-password' && token) {
        resetToken = token;
        showRecovery('reset-form', 'resetTitle');
        return true;
    }
    if (name === 'forgot-password') {
        showRecovery('forgot-form', 'forgotTitle');
        return true;
    }
    if (name === 'resend-verification') {
        showVerify('');
        return true;
    }
    return false;
}

let resetToken = null;

/**
 * A fresh access token from the refresh cookie, one refresh at a time: callers in this tab share the one in flight,
 * and tabs take turns through a Web Lock, so each sends the cookie the refresh before it set (two tabs sending one
 * refresh token at once would look like its reuse). Without Web Locks only the tab's own callers are joined; tabs
 * racing then rely on the server's grace period for a just-replaced refresh token.
 */
function refresh() {
    if (!refreshing) {
        refreshing = oneTabAtATime(async () => {
            const reply = await call('POST', 'api/tokens/refresh', {}, false);
            if (reply.status === 200) {
                signedIn(reply);
                return true;
            }
            return false;
        }).catch(() => false).finally(() => { refreshing = null; });
    }
    return refreshing;
}

function oneTabAtATime(task) {
    return navigator.locks && navigator.locks.request ? navigator.locks.request(REFRESH_LOCK, task) : task();
}

/** Notices a session ended elsewhere (e.g. "log out everywhere" on another device). */
async function checkSession() {
    if (accessToken && document.visibilityState === 'visible') {
        await authorizedCall('GET', 'api/users/me');
    }
}

async function showAccount() {
    const me = await authorizedCall('GET', 'api/users/me');
    if (me.status !== 200) return;
    $('welcome').hidden = true;
    $('account').hidden = false;
    $('profile-name').textContent = me.json.username;
    $('profile-email').textContent = me.json.email;
    $('profile-since').textContent = new Date(me.json.created_at).toLocaleDateString(LANGUAGE);
    $('profile-initial').textContent = Array.from(me.json.username)[0] || '?';
    await showSessions();
    await showPasskeys();
    await showFactors();
}

// Two-step verification (TOTP): the QR code is drawn by the service, as SVG, and shown from a data: URL.
async function showFactors() {
    const reply = await authorizedCall('GET', 'api/users/me/mfa');
    if (reply.status !== 200) return;
    const on = reply.json.totp;
    $('mfa-status').textContent = on ? t('mfaOn', reply.json.recovery_codes_left) : t(reply.json.passkey ? 'mfaPasskeyOnly' : 'mfaOff');
    $('mfa-enrol').hidden = on;
    $('mfa-manage').hidden = !on;
    if (on) $('mfa-setup').hidden = true;
}

async function enrolTotp() {
    $('mfa-recovery').hidden = true;
    const reply = await authorizedCall('POST', 'api/users/me/mfa/totp');
    if (reply.status !== 200) {
        status(message(reply));
        return;
    }
    $('mfa-secret').textContent = reply.json.secret;
    const qr = await authorizedCall('GET', 'api/users/me/mfa/totp/qr', undefined, 'image/svg+xml');
    if (qr.status === 200) {
        $('mfa-qr').src = `data:image/svg+xml;base64,${btoa(qr.text)}`;
        $('mfa-qr').alt = t('mfaQrAlt');
    }
    $('mfa-setup').hidden = false;
    $('mfa-confirm-code').focus();
}

function showRecoveryCodes(codes) {
    $('recovery-codes').replaceChildren(...codes.map((code) => {
        const item = document.createElement('li');
        item.textContent = code;
        return item;
    }));
    $('mfa-recovery').hidden = false;
}

let mfaToken = null;

/**
 * The login's second step: the password was right; a code of the app (or a recovery code) finishes it, or a
 * passkey of the user, whichever of them (methods) the account has.
 */
function showSecondStep(token, methods) {
    mfaToken = token;
    const totp = methods.includes('totp');
    $('mfa-code-field').hidden = !totp;
    $('mfa-code').required = totp;
    $('mfa-passkey').hidden = !methods.includes('passkey');
    showRecovery('mfa-form', 'twoStep');
    clearErrors($('mfa-form'));
    (totp ? $('mfa-code') : $('mfa-passkey')).focus();
}

/** The answer to either kind of second step: signed in, back to the password when the step died, or the problem. */
function secondStepAnswered(reply) {
    const formElement = $('mfa-form');
    if (reply.status === 200) {
        formElement.reset();
        mfaToken = null;
        $('recovery').hidden = true;
        status('');
        signedIn(reply);
    } else if (reply.status === 401 && reply.json && reply.json.type === 'urn:accounts:problem:invalid-mfa-token') {
        formElement.reset();
        signedOut(t('mfaExpired'));
    } else {
        showProblem(formElement, reply);
    }
}

function passkeyError(id, text) {
    const element = $(id);
    element.textContent = text || '';
    element.hidden = !text;
}

async function showPasskeys() {
    const reply = await authorizedCall('GET', 'api/users/me/passkeys');
    if (reply.status !== 200) return;
    $('passkeys').replaceChildren(...reply.json.map((passkey) => {
        const item = document.createElement('li');
        item.dataset.passkeyId = passkey.id;
        const name = document.createElement('span');
        name.className = 'agent passkey-name';
        name.textContent = passkey.name;
        const when = document.createElement('span');
        when.className = 'when';
        when.textContent = t('passkeyAddedAt', new Date(passkey.created_at).toLocaleString(LANGUAGE))
            + (passkey.last_used_at ? t('passkeyUsedAt', new Date(passkey.last_used_at).toLocaleString(LANGUAGE)) : '');
        const input = document.createElement('input');
        input.className = 'passkey-new-name';
        input.maxLength = 64;
        input.value = passkey.name;
        input.setAttribute('aria-label', t('passkeyNewName', passkey.name));
        const rename = document.createElement('button');
        rename.type = 'button';
        rename.className = 'passkey-rename';
        rename.textContent = t('rename');
        rename.addEventListener('click', async () => {
            const answer = await authorizedCall('PATCH', `api/users/me/passkeys/${passkey.id}`, { name: input.value });
            passkeyError('passkey-error', answer.status === 200 ? '' : message(answer));
            await showPasskeys();
        });
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'passkey-remove danger';
        remove.textContent = t('remove');
        remove.addEventListener('click', async () => {
            const answer = await authorizedCall('DELETE', `api/users/me/passkeys/${passkey.id}`);
            passkeyError('passkey-error', answer.status === 204 ? '' : message(answer));
            await showPasskeys();
            await showFactors();
        });
        item.append(name, when, input, rename, remove);
        return item;
    }));
}

async function addPasskey() {
    passkeyError('passkey-error', '');
    const options = await authorizedCall('POST', 'api/users/me/passkeys/options');
    if (options.status !== 200) return;
    const o = options.json;
    let credential;
    try {
        credential = await navigator.credentials.create({ publicKey: {
            ...o,
            challenge: b64url.decode(o.challenge),
            user: { ...o.user, id: b64url.decode(o.user.id) },
            excludeCredentials: o.excludeCredentials.map((c) => ({ ...c, id: b64url.decode(c.id) })),
        } });
    } catch (e) {
        passkeyError('passkey-error', t('noPasskeyCreated'));
        return;
    }
    const response = credential.response;
    const reply = await authorizedCall('POST', 'api/users/me/passkeys', {
        client_data_json: b64url.encode(response.clientDataJSON),
        attestation_object: b64url.encode(response.attestationObject),
        transports: response.getTransports ? response.getTransports().join(',') : '',
    });
    if (reply.status === 201) {
        status(t('passkeyAdded'));
    } else {
        passkeyError('passkey-error', message(reply));
    }
    await showPasskeys();
    await showFactors();
}

async function passkeyLogin() {
    passkeyError('passkey-login-error', '');
    const options = await call('POST', 'api/users/login/passkey/options', undefined, false);
    if (options.status !== 200) {
        passkeyError('passkey-login-error', message(options));
        return;
    }
    const passkey = await assertion(options.json);
    if (!passkey) {
        passkeyError('passkey-login-error', t('noPasskeyUsed'));
        return;
    }
    const reply = await call('POST', 'api/users/login/passkey', passkey, false);
    if (reply.status === 200) {
        status('');
        signedIn(reply);
    } else {
        passkeyError('passkey-login-error', message(reply));
    }
}

/** The login's second step with a passkey of the user instead of a code. */
async function passkeySecondStep() {
    clearErrors($('mfa-form'));
    const options = await call('POST', 'api/users/login/mfa/passkey/options', { mfa_token: mfaToken }, false);
    const passkey = options.status === 200 ? await assertion(options.json) : null;
    if (options.status === 200 && !passkey) {
        showProblem($('mfa-form'), { status: 0, json: { detail: t('noPasskeyUsed') } });
        return;
    }
    const reply = options.status === 200
        ? await call('POST', 'api/users/login/mfa/passkey', { mfa_token: mfaToken, passkey }, false) : options;
    secondStepAnswered(reply);
}

async function showSessions() {
    const reply = await authorizedCall('GET', 'api/users/sessions');
    if (reply.status !== 200) return;
    const list = $('sessions');
    list.replaceChildren(...reply.json.map((session) => {
        const item = document.createElement('li');
        const agent = document.createElement('span');
        agent.className = 'agent';
        agent.textContent = describe(session.user_agent);
        if (session.current) {
            const badge = document.createElement('span');
            badge.className = 'badge';
            badge.textContent = t('thisDevice');
            agent.append(badge);
            item.dataset.current = 'true';
        }
        const when = document.createElement('span');
        when.className = 'when';
        when.textContent = t('signedInAt', new Date(session.created_at).toLocaleString(LANGUAGE), new Date(session.last_used_at).toLocaleString(LANGUAGE));
        item.append(agent, when);
        return item;
    }));
}

function describe(userAgent) {
    if (!userAgent) return t('unknownDevice');
    const browser = /(Firefox|Edg|Chrome|Chromium|Safari)\/[\d.]+/.exec(userAgent);
    const system = /(Windows|Mac OS X|Android|iPhone|Linux)/.exec(userAgent);
    return browser ? t('deviceOn', browser[1], system ? system[1] : t('unknownSystem')) : userAgent.slice(0, 60);
}

function selectTab(which) {
    const login = which === 'login';
    $('tab-login').setAttribute('aria-selected', String(login));
    $('tab-register').setAttribute('aria-selected', String(!login));
    $('login-form').hidden = !login;
    $('register-form').hidden = login;
}

async function submit(event, handler) {
    event.preventDefault();
    const formElement = event.target;
    const button = formElement.querySelector('button[type="submit"]');
    clearErrors(formElement);
    status('');
    button.disabled = true;
    try {
        await handler(formElement);
    } catch {
        showProblem(formElement, { status: 0, json: null });
    } finally {
        button.disabled = false;
    }
}

async function logout(scope) {
    const reply = await authorizedCall('DELETE', `api/users/logout?scope=${scope}`);
    if (reply.status !== 200) return;
    if (scope === 'others') {
        status(t('othersLoggedOut'));
        await showSessions();
    } else {
        signedOut(scope === 'global' ? t('loggedOutEverywhere') : t('loggedOut'));
    }
}

function wire() {
    $('tab-login').addEventListener('click', () => selectTab('login'));
    $('tab-register').addEventListener('click', () => selectTab('register'));

    $('login-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await call('POST', 'api/users/login', values(formElement), false);
        if (reply.status === 200) {
            formElement.reset();
            status('');
            signedIn(reply);
        } else if (reply.status === 401 && reply.json && reply.json.type === 'urn:accounts:problem:mfa-required') {
            formElement.reset();
            showSecondStep(reply.json.mfa_token, reply.json.mfa_methods || ['totp']);
        } else if (reply.status === 403 && reply.json && reply.json.type === 'urn:accounts:problem:email-not-verified') {
            const email = $('login-email').value;
            formElement.reset();
            showVerify(email);
            status(t('notVerified'));
        } else {
            showProblem(formElement, reply);
        }
    }));

    $('mfa-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        secondStepAnswered(await call('POST', 'api/users/login/mfa', { mfa_token: mfaToken, ...values(formElement) }, false));
    }));

    $('mfa-confirm-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await authorizedCall('POST', 'api/users/me/mfa/totp/confirm', values(formElement));
        if (reply.status === 200) {
            formElement.reset();
            $('mfa-setup').hidden = true;
            showRecoveryCodes(reply.json.recovery_codes);
            status(t('mfaTurnedOn'));
            await showFactors();
        } else if (reply.status !== 401) {
            showProblem(formElement, reply);
        }
    }));

    $('mfa-regenerate-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await authorizedCall('POST', 'api/users/me/mfa/recovery-codes', values(formElement));
        if (reply.status === 200) {
            formElement.reset();
            showRecoveryCodes(reply.json.recovery_codes);
            await showFactors();
        } else if (reply.status !== 401) {
            showProblem(formElement, reply);
        }
    }));

    $('mfa-remove-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await authorizedCall('DELETE', 'api/users/me/mfa/totp', values(formElement));
        if (reply.status === 200) {
            formElement.reset();
            $('mfa-recovery').hidden = true;
            status(t('mfaTurnedOff'));
            await showFactors();
            await showSessions();
        } else if (reply.status !== 401) {
            showProblem(formElement, reply);
        }
    }));

    $('register-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await call('POST', 'api/users/register', values(formElement), false);
        if (reply.status === 201) {
            formElement.reset();
            status(t('welcome'));
            signedIn(reply);
        } else if (reply.status === 202) {
            const email = $('register-email').value;
            formElement.reset();
            showVerify(email);
            status(t('checkYourMail'));
        } else {
            showProblem(formElement, reply);
        }
    }));

    $('password-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await authorizedCall('PUT', 'api/users/me/password', values(formElement));
        if (reply.status === 200) {
            formElement.reset();
            status(t('passwordChanged'));
            await showSessions();
        } else if (reply.status !== 401) {
            showProblem(formElement, reply);
        }
    }));

    $('forgot-link').addEventListener('click', (event) => { event.preventDefault(); showRecovery('forgot-form', 'forgotTitle'); });
    $('resend-link').addEventListener('click', (event) => { event.preventDefault(); showVerify($('login-email').value); });
    $('back-to-login').addEventListener('click', (event) => { event.preventDefault(); signedOut(''); });

    $('forgot-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await call('POST', 'api/users/password-reset', values(formElement), false);
        if (reply.status === 202) {
            formElement.reset();
            signedOut(t('linkMailed'));
        } else {
            showProblem(formElement, reply);
        }
    }));

    $('verify-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await call('POST', 'api/users/email-verification/code', values(formElement), false);
        if (reply.status === 200) {
            const email = $('verify-email').value;
            formElement.reset();
            signedOut(t('emailVerified'));
            $('login-email').value = email;
            $('login-password').focus();
        } else {
            showProblem(formElement, reply);
        }
    }));

    $('resend').addEventListener('click', async () => {
        const formElement = $('verify-form');
        clearErrors(formElement);
        const reply = await call('POST', 'api/users/email-verification/resend', { email: $('verify-email').value }, false);
        if (reply.status === 202) {
            $('verify-code').value = '';
            status(t('linkMailed'));
        } else {
            showProblem(formElement, reply);
        }
    });

    $('reset-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await call('POST', 'api/users/password-reset/complete', { token: resetToken, ...values(formElement) }, false);
        if (reply.status === 200) {
            formElement.reset();
            resetToken = null;
            signedOut(t('passwordReset'));
        } else {
            showProblem(formElement, reply);
        }
    }));

    $('email-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        const reply = await authorizedCall('PUT', 'api/users/me/email', values(formElement));
        if (reply.status === 202) {
            formElement.reset();
            status(t('emailChangeMailed'));
        } else if (reply.status !== 401) {
            showProblem(formElement, reply);
        }
    }));

    $('export').addEventListener('click', async () => {
        const reply = await authorizedCall('GET', 'api/users/me/export');
        if (reply.status !== 200) return;
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([JSON.stringify(reply.json, null, 2)], { type: 'application/json' }));
        link.download = 'account.json';
        link.click();
        // the download reads the blob after this handler returns
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    });

    $('delete-form').addEventListener('submit', (event) => submit(event, async (formElement) => {
        if (!window.confirm(t('deleteConfirm'))) return;
        const reply = await authorizedCall('DELETE', 'api/users/me', values(formElement));
        if (reply.status === 200) {
            formElement.reset();
            signedOut(t('deleted'));
        } else if (reply.status !== 401) {
            showProblem(formElement, reply);
        }
    }));

    $('mfa-enrol').addEventListener('click', enrolTotp);
    $('passkey-add').addEventListener('click', addPasskey);
    $('passkey-login').addEventListener('click', passkeyLogin);
    $('mfa-passkey').addEventListener('click', passkeySecondStep);
    $('logout').addEventListener('click', () => logout('local'));
    $('logout-others').addEventListener('click', () => logout('others'));
    $('logout-global').addEventListener('click', () => logout('global'));
    document.addEventListener('visibilitychange', checkSession);
}

translate(document);
wire();
// a mail's link first; else a reload keeps the person logged in: the session cookie gets a fresh access token
if (!(await followMailLink()) && !(await refresh())) {
    signedOut('');
}
