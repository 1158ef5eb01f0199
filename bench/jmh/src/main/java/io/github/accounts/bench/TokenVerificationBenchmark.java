package io.github.accounts.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An access token like the service's (RS256, RSA 2048, header typ JWT + kid; claims iss, sub, upn,
 * preferred_username, created_at, groups, iat, exp, jti): what every authenticated request pays to verify it,
 * and what every login pays to sign one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    private String token;
    private RSASSAVerifier verifier;
    private RSASSASigner signer;
    private JWSHeader header;
    private JWTClaimsSet claims;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(UUID.randomUUID().toString()).build();
        claims = new JWTClaimsSet.Builder()
                .issuer("accounts")
                .subject("12345")
                .claim("upn", "hong@example.com")
                .claim("preferred_username", "홍길동")
                .claim("created_at", now.getEpochSecond())
                .claim("groups", List.of("user"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        signer = new RSASSASigner(keys.getPrivate());
        verifier = new RSASSAVerifier((RSAPublicKey) keys.getPublic());
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        token = jwt.serialize();
        if (!parseAndVerify().getJWTID().equals(claims.getJWTID())) {
            throw new IllegalStateException("the token does not round-trip");
        }
    }

    /** Parse the compact form, check the RS256 signature, read the claims. */
    @Benchmark
    public JWTClaimsSet parseAndVerify() throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException("signature rejected");
        }
        return jwt.getJWTClaimsSet();
    }

    /** The parsing share of the above: Base64URL and JSON only. */
    @Benchmark
    public JWTClaimsSet parseOnly() throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    /** Issuing a token at login or registration: RSA 2048 private-key operation plus serialization. */
    @Benchmark
    public String sign() throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
