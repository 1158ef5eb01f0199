// WebAuthn for the account service's pages: the API speaks base64url JSON, navigator.credentials ArrayBuffers.

export const b64url = {
    encode(buffer) {
        const bytes = new Uint8Array(buffer);
        let text = '';
        for (const byte of bytes) text += String.fromCharCode(byte);
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
    decode(text) {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
        return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    },
};

/** Whether this browser can use passkeys at all. */
export const passkeysAvailable = () => Boolean(window.PublicKeyCredential && navigator.credentials);

/**
 * Asks the browser for an assertion to the request options the service sent (a passwordless login's, or a second
 * step's with allowCredentials); the assertion as the service takes it, or null when none was made.
 */
export async function assertion(options) {
    let credential;
    try {
        credential = await navigator.credentials.get({ publicKey: {
            ...options,
            challenge: b64url.decode(options.challenge),
            allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: b64url.decode(c.id) })),
        } });
    } catch {
        return null;
    }
    if (!credential) return null;
    const response = credential.response;
    return {
        credential_id: b64url.encode(credential.rawId),
        client_data_json: b64url.encode(response.clientDataJSON),
        authenticator_data: b64url.encode(response.authenticatorData),
        signature: b64url.encode(response.signature),
        user_handle: response.userHandle ? b64url.encode(response.userHandle) : '',
    };
}
