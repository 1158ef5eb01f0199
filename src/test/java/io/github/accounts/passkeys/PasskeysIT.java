package io.github.accounts.passkeys;

import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.ClientDataType;
import io.github.accounts.support.Await;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.SoftwareAuthenticator;
import io.github.accounts.support.SoftwareAuthenticator.Algorithm;
import io.github.accounts.support.SoftwareAuthenticator.Assertion;
import io.github.accounts.support.StandardNode;
import io.github.accounts.support.Together;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.SoftwareAuthenticator.NONE;
import static io.github.accounts.support.SoftwareAuthenticator.PACKED;
import static io.github.accounts.support.SoftwareAuthenticator.decode;
import static io.github.accounts.support.SoftwareAuthenticator.encode;
import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passkeys over the JSON API on the shared standard node, without a browser: a {@link SoftwareAuthenticator} in the
 * test registers them (attestation {@code none} and {@code packed}; ES256, RS256, EdDSA) and signs in with them
 * alone; challenges used twice, raced or late, a cloned authenticator's counter, forged and malformed responses,
 * over-long fields, removed passkeys, disabled and erased accounts are refused with problem JSON, never a 500.
 * The node's challenges live 10 s (the least WEBAUTHN_CHALLENGE_TTL allows), so one test waits that long.
 */
class PasskeysIT {

    static final String PASSWORD = StandardNode.PASSWORD;
    static final String REFUSED = "urn:accounts:problem:passkey-refused";
    static final String INVALID = "urn:accounts:problem:invalid-request";

    static MicroServer node;
    static Http http;

    @BeforeAll
    static void node() {
        node = StandardNode.node();
        http = node.http();
    }

    /** A user with one registered passkey. */
    record Owner(String email, String token, long id, SoftwareAuthenticator authenticator, long passkeyId) {
    }

    static SoftwareAuthenticator authenticator(String format, boolean synced) {
        return SoftwareAuthenticator.of(StandardNode.RP_ID, StandardNode.PASSKEY_ORIGIN, format, synced);
    }

    static Owner owner(String name, String format, boolean synced) {
        String email = uniqueEmail(name);
        Reply registered = http.register(name, email, PASSWORD);
        assertEquals(201, registered.status(), registered::toString);
        String token = registered.token();
        SoftwareAuthenticator authenticator = authenticator(format, synced);
        Reply created = finishRegistration(token, authenticator.create(registrationOptions(token), name + " key"));
        assertEquals(201, created.status(), created::toString);
        return new Owner(email, token, registered.json().getJsonObject("user").getJsonNumber("id").longValue(), authenticator,
                created.json().getJsonNumber("id").longValue());
    }

    static JsonObject registrationOptions(String token) {
        Reply options = http.postWith(token, "/api/users/me/passkeys/options", "");
        assertEquals(200, options.status(), options::toString);
        assertEquals("no-store", options.header("Cache-Control"));
        return options.json();
    }

    static Reply finishRegistration(String token, JsonObject body) {
        return http.postWith(token, "/api/users/me/passkeys", body.toString());
    }

    static JsonObject loginOptions() {
        Reply options = http.post("/api/users/login/passkey/options", "");
        assertEquals(200, options.status(), options::toString);
        return options.json();
    }

    static Reply login(Assertion assertion) {
        return login(assertion.json());
    }

    static Reply login(JsonObject body) {
        return http.post("/api/users/login/passkey", body.toString());
    }

    static Reply rename(String token, long passkeyId, String name) {
        return http.send(http.request("/api/users/me/passkeys/" + passkeyId).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("name", name).build().toString())).build());
    }

    static Set<String> amr(String accessToken) {
        return Jwt.claims(accessToken).getJsonArray("amr").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }

    static List<JsonObject> passkeys(String token) {
        Reply list = http.get("/api/users/me/passkeys", token);
        assertEquals(200, list.status(), list::toString);
        return Json.createReader(new StringReader(list.body())).readArray().getValuesAs(JsonObject.class);
    }

    @Test
    void aDeviceBoundPasskeySignsInAloneWithHwk() {
        String email = uniqueEmail("passkey-none");
        Reply registered = http.register("passkey-none", email, PASSWORD);
        String token = registered.token();
        JsonObject options = registrationOptions(token);
        assertAll(
                () -> assertEquals(StandardNode.RP_ID, options.getJsonObject("rp").getString("id")),
                () -> assertEquals(email, options.getJsonObject("user").getString("name")),
                () -> assertEquals("required", options.getJsonObject("authenticatorSelection").getString("residentKey")),
                () -> assertEquals("required", options.getJsonObject("authenticatorSelection").getString("userVerification")),
                () -> assertEquals(32, decode(options.getString("challenge")).length),
                () -> assertEquals(StandardNode.CHALLENGE_TTL_SECONDS * 1000L, options.getJsonNumber("timeout").longValue()),
                () -> assertTrue(options.getJsonArray("excludeCredentials").isEmpty()));
        SoftwareAuthenticator authenticator = authenticator(NONE, false);

        Reply created = finishRegistration(token, authenticator.create(options, "Laptop"));
        assertEquals(201, created.status(), created::toString);
        JsonObject passkey = created.json();
        assertAll(
                () -> assertEquals("Laptop", passkey.getString("name")),
                () -> assertEquals(NONE, passkey.getString("attestation_format")),
                () -> assertFalse(passkey.getBoolean("backup_eligible")),
                () -> assertFalse(passkey.containsKey("credential_id"), "the credential id is not shown"),
                () -> assertFalse(passkey.containsKey("last_used_at") && !passkey.isNull("last_used_at"), passkey::toString));
        assertEquals(authenticator.credentialId(), registrationOptions(token).getJsonArray("excludeCredentials")
                .getJsonObject(0).getString("id"), "a second authenticator is told which passkey exists already");

        JsonObject request = loginOptions();
        assertEquals(StandardNode.RP_ID, request.getString("rpId"));
        assertEquals("required", request.getString("userVerification"));
        assertTrue(request.getJsonArray("allowCredentials").isEmpty(), "a discoverable login names no user");
        Reply tokens = login(authenticator.get(request));
        assertEquals(200, tokens.status(), tokens::toString);
        assertEquals(Set.of("hwk", "mfa"), amr(tokens.token()));
        assertEquals("2", Jwt.claims(tokens.token()).getString("acr"));
        assertTrue(Jwt.claims(tokens.token()).containsKey("auth_time"));
        assertTrue(tokens.json().containsKey("refresh_token"), tokens::toString);
        Reply me = http.me(tokens.token());
        assertEquals(200, me.status(), me::toString);
        assertEquals(email, me.json().getString("email"));
        JsonObject used = passkeys(token).get(0);
        assertTrue(used.containsKey("last_used_at") && !used.isNull("last_used_at"), used::toString);
    }

    @Test
    void aSyncedPackedPasskeySignsInWithSwkAndCanBeRenamed() {
        Owner owner = owner("passkey-packed", PACKED, true);
        JsonObject passkey = passkeys(owner.token()).get(0);
        assertAll(
                () -> assertEquals(PACKED, passkey.getString("attestation_format")),
                () -> assertTrue(passkey.getBoolean("backup_eligible")),
                () -> assertTrue(passkey.getBoolean("backed_up")));

        Reply tokens = login(owner.authenticator().get(loginOptions()));
        assertEquals(200, tokens.status(), tokens::toString);
        assertEquals(Set.of("swk", "mfa"), amr(tokens.token()));
        assertEquals(owner.email(), http.me(tokens.token()).json().getString("email"));

        Reply renamed = rename(owner.token(), owner.passkeyId(), "Phone");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Phone", passkeys(owner.token()).get(0).getString("name"));
    }

    /** RS256 and EdDSA keys work as ES256 ones do; an algorithm the options did not offer (ES384) is refused. */
    @Test
    void theOfferedAlgorithmsWorkAndNoOther() {
        String token = http.register("passkey-algorithms", uniqueEmail("passkey-algorithms"), PASSWORD).token();
        JsonObject options = registrationOptions(token);
        assertEquals(List.of(-7, -8, -257), options.getJsonArray("pubKeyCredParams").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getInt("alg")).toList());
        for (Algorithm algorithm : List.of(Algorithm.RS256, Algorithm.EDDSA)) {
            for (String format : List.of(NONE, PACKED)) {
                SoftwareAuthenticator authenticator = SoftwareAuthenticator.of(StandardNode.RP_ID, StandardNode.PASSKEY_ORIGIN,
                        format, false, algorithm);
                Reply created = finishRegistration(token, authenticator.create(registrationOptions(token), null));
                assertEquals(201, created.status(), () -> algorithm + " " + format + ": " + created);
                Reply tokens = login(authenticator.get(loginOptions()));
                assertEquals(200, tokens.status(), () -> algorithm + " " + format + ": " + tokens);
            }
        }
        SoftwareAuthenticator es384 = SoftwareAuthenticator.of(StandardNode.RP_ID, StandardNode.PASSKEY_ORIGIN, PACKED, false, Algorithm.ES384);
        assertProblem(400, REFUSED, finishRegistration(token, es384.create(registrationOptions(token), null)));
        assertEquals(4, passkeys(token).size());
    }

    @Test
    void aChallengeIsUsableOnceEvenByARefusedResponse() throws Exception {
        String token = http.register("passkey-twice", uniqueEmail("passkey-twice"), PASSWORD).token();
        SoftwareAuthenticator authenticator = authenticator(NONE, false);
        JsonObject registration = authenticator.create(registrationOptions(token), null);
        assertEquals(201, finishRegistration(token, registration).status());
        assertProblem(400, REFUSED, finishRegistration(token, registration));
        assertEquals(1, passkeys(token).size());

        Assertion assertion = authenticator.get(loginOptions());
        assertEquals(200, login(assertion).status());
        assertProblem(401, REFUSED, login(assertion));

        Assertion raced = authenticator.get(loginOptions());
        List<Reply> together = Together.run(4, () -> login(raced));
        assertEquals(1, together.stream().filter(r -> r.status() == 200).count(), together::toString);
        together.stream().filter(r -> r.status() != 200).forEach(r -> assertProblem(401, REFUSED, r));

        JsonObject options = loginOptions();
        Assertion forged = authenticator.get(options.getString("challenge"), StandardNode.PASSKEY_ORIGIN, StandardNode.RP_ID,
                authenticator.newKeyPair().getPrivate());
        assertProblem(401, REFUSED, login(forged));
        assertProblem(401, REFUSED, login(authenticator.get(options))); // a refused response spent the challenge

        String loginChallenge = loginOptions().getString("challenge");
        assertProblem(400, REFUSED, finishRegistration(token, authenticator(NONE, false).create(loginChallenge,
                registrationOptions(token).getJsonObject("user").getString("id"), StandardNode.PASSKEY_ORIGIN, StandardNode.RP_ID, null)));
        assertEquals(1, passkeys(token).size(), "a login's challenge registers nothing");
    }

    @Test
    void aChallengePastItsTtlIsRefused() {
        Owner owner = owner("passkey-late", NONE, false);
        JsonObject options = loginOptions();
        JsonObject registration = registrationOptions(owner.token());
        // the node runs on this machine and reads the same clock: it issued both challenges before this instant
        Instant expired = Instant.now().plusSeconds(StandardNode.CHALLENGE_TTL_SECONDS).plusMillis(100);

        Instant now = Await.until(Instant::now, t -> t.isAfter(expired), Duration.ofSeconds(StandardNode.CHALLENGE_TTL_SECONDS * 3L));
        assertTrue(now.isAfter(expired), now::toString);
        assertProblem(401, REFUSED, login(owner.authenticator().get(options)));
        assertProblem(400, REFUSED, finishRegistration(owner.token(), authenticator(NONE, false).create(registration, null)));
        assertEquals(1, passkeys(owner.token()).size());
        assertEquals(200, login(owner.authenticator().get(loginOptions())).status(), "a fresh challenge works");
    }

    @Test
    void aClonedAuthenticatorsCounterGoingBackIsRefusedAndAudited() {
        Owner owner = owner("passkey-clone", NONE, false);
        SoftwareAuthenticator clone = owner.authenticator().copy();
        assertEquals(200, login(owner.authenticator().get(loginOptions())).status());
        assertEquals(200, login(owner.authenticator().get(loginOptions())).status());

        assertProblem(401, REFUSED, login(clone.get(loginOptions())));
        List<JsonObject> audit = Await.until(() -> node.auditOf(owner.id()),
                lines -> lines.stream().anyMatch(l -> l.getString("audit").equals("passkey-clone-suspected")));
        JsonObject suspected = audit.stream().filter(l -> l.getString("audit").equals("passkey-clone-suspected")).findFirst()
                .orElseThrow(() -> new AssertionError("no clone audited: " + audit));
        assertEquals("counter_not_increased", suspected.getString("outcome"), suspected::toString);
        assertTrue(audit.stream().anyMatch(l -> l.getString("audit").equals("passkey-login") && l.getString("outcome").equals("failure")
                && "counter_not_increased".equals(l.getString("detail", null))), audit::toString);

        assertEquals(200, login(owner.authenticator().get(loginOptions())).status(), "the original, ahead, still works");
    }

    @Test
    void forgedAssertionsAreRefusedWith401() {
        Owner owner = owner("passkey-forged", NONE, false);
        SoftwareAuthenticator authenticator = owner.authenticator();
        Map<String, Assertion> forged = new LinkedHashMap<>();
        forged.put("another origin", authenticator.get(loginOptions().getString("challenge"), "https://evil.example", StandardNode.RP_ID));
        forged.put("another RP id", authenticator.get(loginOptions().getString("challenge"), StandardNode.PASSKEY_ORIGIN, "evil.example"));
        forged.put("another key", authenticator.get(loginOptions().getString("challenge"), StandardNode.PASSKEY_ORIGIN,
                StandardNode.RP_ID, authenticator.newKeyPair().getPrivate()));
        forged.put("another user handle", authenticator.get(loginOptions()).withUserHandle(encode(new byte[32])));
        forged.put("an unregistered credential", authenticator(NONE, false).get(loginOptions()));
        Assertion ofAnotherCeremony = authenticator.get(loginOptions());
        forged.put("a creation's client data", ofAnotherCeremony.withClientDataJson(encode(SoftwareAuthenticator.clientData(
                ClientDataType.WEBAUTHN_CREATE, loginOptions().getString("challenge"), StandardNode.PASSKEY_ORIGIN))));
        Assertion honest = authenticator.get(loginOptions());
        byte[] signature = decode(honest.signature());
        signature[signature.length - 1] ^= 1;
        forged.put("a flipped signature bit", honest.withSignature(encode(signature)));
        forged.forEach((what, assertion) -> {
            Reply reply = login(assertion);
            assertEquals(401, reply.status(), () -> what + ": " + reply);
            assertProblem(401, REFUSED, reply);
        });

        assertEquals(200, login(authenticator.get(loginOptions())).status(), "the owner's passkey still works");
    }

    @Test
    void malformedResponsesAre400NeverA500() {
        Owner owner = owner("passkey-malformed", NONE, false);
        SoftwareAuthenticator authenticator = owner.authenticator();
        Assertion honest = authenticator.get(loginOptions());
        byte[] authenticatorData = decode(honest.authenticatorData());
        Map<String, JsonObject> malformed = new LinkedHashMap<>();
        malformed.put("truncated authenticator data", honest.withAuthenticatorData(encode(Arrays.copyOf(authenticatorData, 20))).json());
        malformed.put("client data that is not JSON", honest.withClientDataJson(encode("{\"type\":".getBytes())).json());
        malformed.put("client data without a challenge", honest.withClientDataJson(encode(
                "{\"type\":\"webauthn.get\",\"origin\":\"https://standard.test\"}".getBytes())).json());
        malformed.put("not base64url", honest.withSignature("not base64!").json());
        malformed.put("a missing field", Json.createObjectBuilder(honest.json()).remove("signature").build());
        malformed.put("a number for a string", Json.createObjectBuilder(honest.json()).add("user_handle", 42).build());
        malformed.forEach((what, body) -> {
            Reply reply = login(body);
            assertEquals(400, reply.status(), () -> what + ": " + reply);
            assertProblem(400, INVALID, reply);
        });
        assertEquals(200, login(honest).status(), "malformed assertions spent no challenge");
        assertProblem(400, http.post("/api/users/login/passkey", "{\"credential_id\":"));
        assertProblem(400, http.post("/api/users/login/passkey", "[]"));
        assertProblem(400, http.post("/api/users/login/passkey", ""));
        assertProblem(415, http.post("/api/users/login/passkey", "text/plain", honest.json().toString()));
        // well-formed as far as the API can tell: a signature that does not verify
        assertProblem(401, REFUSED, login(authenticator.get(loginOptions()).withSignature(encode(Arrays.copyOf(decode(honest.signature()), 10)))));

        JsonObject registration = authenticator(PACKED, false).create(registrationOptions(owner.token()), null);
        byte[] attestation = decode(registration.getString("attestation_object"));
        Map<String, JsonObject> badRegistrations = new LinkedHashMap<>();
        badRegistrations.put("truncated attestation", Json.createObjectBuilder(registration)
                .add("attestation_object", encode(Arrays.copyOf(attestation, attestation.length / 2))).build());
        badRegistrations.put("not CBOR", Json.createObjectBuilder(registration).add("attestation_object", encode("hello".getBytes())).build());
        badRegistrations.put("client data that is not JSON", Json.createObjectBuilder(registration)
                .add("client_data_json", encode("]".getBytes())).build());
        badRegistrations.forEach((what, body) -> {
            Reply reply = finishRegistration(owner.token(), body);
            assertEquals(400, reply.status(), () -> what + ": " + reply);
            assertProblem(400, reply);
        });
        assertEquals(201, finishRegistration(owner.token(), registration).status(), "malformed bodies spent no challenge");
    }

    /** Client data an authenticator signed but no browser would send: refused with 400 or 401, never a 500. */
    @Test
    void strangeClientDataIsRefusedNeverA500() {
        Owner owner = owner("passkey-strange", NONE, false);
        SoftwareAuthenticator authenticator = owner.authenticator();
        Map<String, Function<String, String>> clientData = new LinkedHashMap<>();
        clientData.put("no origin", c -> "{\"type\":\"%s\",\"challenge\":\"" + c + "\"}");
        clientData.put("no type", c -> "{\"challenge\":\"" + c + "\",\"origin\":\"https://standard.test\"}");
        clientData.put("an origin that is no URL", c -> "{\"type\":\"%s\",\"challenge\":\"" + c + "\",\"origin\":\"::\"}");
        clientData.put("a challenge that is not base64url", c -> "{\"type\":\"%s\",\"challenge\":\"**\",\"origin\":\"https://standard.test\"}");
        clientData.put("a number for the challenge", c -> "{\"type\":\"%s\",\"challenge\":7,\"origin\":\"https://standard.test\"}");
        clientData.put("a token binding", c -> "{\"type\":\"%s\",\"challenge\":\"" + c + "\",\"origin\":\"https://standard.test\","
                + "\"tokenBinding\":{\"status\":\"present\",\"id\":\"AAAA\"}}");
        clientData.forEach((what, json) -> {
            byte[] get = String.format(json.apply(loginOptions().getString("challenge")), "webauthn.get").getBytes();
            Reply login = login(authenticator.get(get, authenticator.flags()));
            JsonObject options = registrationOptions(owner.token());
            byte[] create = String.format(json.apply(options.getString("challenge")), "webauthn.create").getBytes();
            Reply registration = finishRegistration(owner.token(), authenticator(NONE, false).create(create,
                    options.getJsonObject("user").getString("id"), StandardNode.RP_ID, true, null));
            if (what.equals("a token binding")) { // well-formed, but this service binds no token
                assertProblem(401, REFUSED, login);
                assertProblem(400, REFUSED, registration);
            } else {
                assertEquals(400, login.status(), () -> "login with " + what + ": " + login);
                assertProblem(400, INVALID, login);
                assertEquals(400, registration.status(), () -> "registration with " + what + ": " + registration);
                assertProblem(400, INVALID, registration);
            }
        });
        JsonObject options = registrationOptions(owner.token());
        assertProblem(400, REFUSED, finishRegistration(owner.token(), authenticator(NONE, false).create(SoftwareAuthenticator.clientData(
                ClientDataType.WEBAUTHN_CREATE, options.getString("challenge"), StandardNode.PASSKEY_ORIGIN),
                options.getJsonObject("user").getString("id"), StandardNode.RP_ID, false, null)));
        byte unverified = (byte) (authenticator.flags() & ~AuthenticatorData.BIT_UV);
        assertProblem(401, REFUSED, login(authenticator.get(SoftwareAuthenticator.clientData(ClientDataType.WEBAUTHN_GET,
                loginOptions().getString("challenge"), StandardNode.PASSKEY_ORIGIN), unverified)));
        assertEquals(1, passkeys(owner.token()).size());
    }

    /** WebAuthn's credential ids are at most 1023 bytes: a longer one is refused at registration, as nothing could use it. */
    @Test
    void anOverLongCredentialIdIsRefused() {
        String token = http.register("passkey-long-id", uniqueEmail("passkey-long-id"), PASSWORD).token();
        SoftwareAuthenticator longest = authenticator(NONE, false).withCredentialId(new byte[1023]);
        assertEquals(201, finishRegistration(token, longest.create(registrationOptions(token), null)).status());
        assertEquals(200, login(longest.get(loginOptions())).status());
        byte[] tooLong = new byte[1024];
        tooLong[0] = 1;
        assertProblem(400, REFUSED, finishRegistration(token, authenticator(NONE, false).withCredentialId(tooLong)
                .create(registrationOptions(token), null)));
        assertProblem(400, REFUSED, finishRegistration(token, authenticator(PACKED, false).withCredentialId(new byte[4000])
                .create(registrationOptions(token), null)));
        assertEquals(1, passkeys(token).size());
    }

    /** CBOR nested deeper than any parser should follow: a 400, not a stack overflow. */
    @Test
    void deeplyNestedCborIs400() {
        Owner owner = owner("passkey-nested", NONE, false);
        byte[] nested = new byte[12_000];
        Arrays.fill(nested, (byte) 0x81); // an array of one element, again and again
        JsonObject registration = Json.createObjectBuilder(authenticator(NONE, false).create(registrationOptions(owner.token()), null))
                .add("attestation_object", encode(nested)).build();
        assertProblem(400, INVALID, finishRegistration(owner.token(), registration));
        Assertion honest = owner.authenticator().get(loginOptions());
        byte[] extended = Arrays.copyOf(decode(honest.authenticatorData()), 37 + 3000);
        extended[32] |= AuthenticatorData.BIT_ED;
        Arrays.fill(extended, 37, extended.length, (byte) 0x81);
        assertProblem(400, INVALID, login(honest.withAuthenticatorData(encode(extended))));
    }

    /** One credential registered with two ceremonies at once is stored once; the other is refused, not a 500. */
    @Test
    void aCredentialRegisteredTwiceAtOnceIsStoredOnce() throws Exception {
        String token = http.register("passkey-race", uniqueEmail("passkey-race"), PASSWORD).token();
        SoftwareAuthenticator authenticator = authenticator(PACKED, true);
        // one credential, three ceremonies (each with the user handle its options named)
        List<SoftwareAuthenticator> copies = List.of(authenticator, authenticator.copy(), authenticator.copy());
        List<JsonObject> bodies = copies.stream().map(copy -> copy.create(registrationOptions(token), null)).toList();
        List<Reply> replies = Together.all(bodies.stream().<Callable<Reply>>map(body -> () -> finishRegistration(token, body)).toList());
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> assertProblem(400, REFUSED, r));
        assertEquals(1, passkeys(token).size());
        SoftwareAuthenticator winner = copies.get(IntStream.range(0, copies.size()).filter(i -> replies.get(i).status() == 201)
                .findFirst().orElseThrow());
        assertEquals(200, login(winner.get(loginOptions())).status());
    }

    /** A credential public key that is no point on its curve is refused at registration, whatever the attestation. */
    @Test
    void aPublicKeyOffTheCurveIsRefusedNeverA500() {
        String token = http.register("passkey-curve", uniqueEmail("passkey-curve"), PASSWORD).token();
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        x[31] = 1;
        y[31] = 1;
        EC2COSEKey offCurve = new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1, x, y);
        SoftwareAuthenticator authenticator = authenticator(NONE, false).registering(offCurve);
        assertProblem(400, REFUSED, finishRegistration(token, authenticator.create(registrationOptions(token), null)));
        assertEquals(List.of(), passkeys(token));
        assertProblem(400, REFUSED, finishRegistration(token, authenticator(PACKED, false).registering(offCurve)
                .create(registrationOptions(token), null)));
    }

    @Test
    void forgedRegistrationsAreRefusedWith400() {
        Owner owner = owner("passkey-forged-reg", NONE, false);
        String handle = registrationOptions(owner.token()).getJsonObject("user").getString("id");
        assertProblem(400, REFUSED, finishRegistration(owner.token(), authenticator(NONE, false).create(
                registrationOptions(owner.token()).getString("challenge"), handle, "https://evil.example", StandardNode.RP_ID, null)));
        assertProblem(400, REFUSED, finishRegistration(owner.token(), authenticator(PACKED, false).create(
                registrationOptions(owner.token()).getString("challenge"), handle, StandardNode.PASSKEY_ORIGIN, "evil.example", null)));
        // a credential registered already
        assertProblem(400, REFUSED, finishRegistration(owner.token(), owner.authenticator().create(registrationOptions(owner.token()), null)));
        String other = http.register("passkey-other", uniqueEmail("passkey-other"), PASSWORD).token();
        // another user's challenge
        assertProblem(400, REFUSED, finishRegistration(owner.token(), authenticator(NONE, false).create(registrationOptions(other), null)));
        assertEquals(1, passkeys(owner.token()).size());
        assertProblem(401, http.postWith(null, "/api/users/me/passkeys/options", ""));
    }

    @Test
    void overLongFieldsAre400() {
        Owner owner = owner("passkey-long", NONE, false);
        Assertion honest = owner.authenticator().get(loginOptions());
        Map<String, JsonObject> tooLong = Map.of(
                "credential_id", honest.withCredentialId("A".repeat(1401)).json(),
                "client_data_json", honest.withClientDataJson("A".repeat(4097)).json(),
                "authenticator_data", honest.withAuthenticatorData("A".repeat(4097)).json(),
                "signature", honest.withSignature("A".repeat(2049)).json(),
                "user_handle", honest.withUserHandle("A".repeat(65)).json());
        tooLong.forEach((field, body) -> {
            Reply reply = login(body);
            assertProblem(400, INVALID, reply);
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
        });
        JsonObject registration = authenticator(NONE, false).create(registrationOptions(owner.token()), null);
        Map<String, JsonObject> tooLongRegistration = Map.of(
                "name", Json.createObjectBuilder(registration).add("name", "n".repeat(65)).build(),
                "transports", Json.createObjectBuilder(registration).add("transports", "usb,".repeat(64)).build(),
                "attestation_object", Json.createObjectBuilder(registration).add("attestation_object", "A".repeat(16_385)).build(),
                "client_data_json", Json.createObjectBuilder(registration).add("client_data_json", "A".repeat(4097)).build());
        tooLongRegistration.forEach((field, body) -> {
            Reply reply = finishRegistration(owner.token(), body);
            assertProblem(400, INVALID, reply);
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
        });
        Reply longName = rename(owner.token(), owner.passkeyId(), "n".repeat(65));
        assertProblem(400, INVALID, longName);
        assertEquals(200, login(honest).status(), "the refusals spent no challenge");
    }

    @Test
    void aRemovedPasskeyIsRefused() {
        Owner owner = owner("passkey-removed", NONE, false);
        Owner stranger = owner("passkey-stranger", NONE, false);
        assertProblem(404, http.delete("/api/users/me/passkeys/" + owner.passkeyId(), stranger.token(), null));
        assertProblem(404, rename(stranger.token(), owner.passkeyId(), "Mine now"));
        assertEquals(204, http.delete("/api/users/me/passkeys/" + owner.passkeyId(), owner.token(), null).status());
        assertTrue(passkeys(owner.token()).isEmpty());
        assertProblem(404, http.delete("/api/users/me/passkeys/" + owner.passkeyId(), owner.token(), null));

        assertProblem(401, REFUSED, login(owner.authenticator().get(loginOptions())));
        assertEquals(200, login(stranger.authenticator().get(loginOptions())).status());
    }

    @Test
    void aDisabledAccountsPasskeySignsNobodyIn() {
        Owner owner = owner("passkey-disabled", NONE, false);
        String admin = StandardNode.adminToken();
        assertEquals(200, http.postWith(admin, "/api/admin/users/" + owner.id() + "/disable", "").status());
        assertProblem(403, "urn:accounts:problem:account-disabled", login(owner.authenticator().get(loginOptions())));
        assertEquals(200, http.postWith(admin, "/api/admin/users/" + owner.id() + "/enable", "").status());
        assertEquals(200, login(owner.authenticator().get(loginOptions())).status());
    }

    @Test
    void anErasedAccountsPasskeyIsGone() {
        Owner owner = owner("passkey-erased", PACKED, true);
        Reply erased = http.delete("/api/users/me", owner.token(), "{\"current_password\":\"" + PASSWORD + "\"}");
        assertEquals(200, erased.status(), erased::toString);

        Reply refused = login(owner.authenticator().get(loginOptions()));
        assertProblem(401, REFUSED, refused);
        assertEquals(401, http.me(owner.token()).status());
    }
}
