# bench/keycloak.sh — sourced by bench/run: Keycloak beside the service in the same run (KEYCLOAK=0 skips it).
# Keycloak's keycloak-quarkus-dist comes from Maven Central (mvn dependency:get, cached in ~/.m2) and is unpacked once
# per machine under bench/work/keycloak-dist/ (git-ignored, never committed). It is measured with bench/run's own
# phase(), wrk settings and warm-up, at the service's Argon2id parameters, on 127.0.0.1 only. See bench/README.md.
# Uses bench/run's globals and helpers: BASE, SERVER_PID, PH, WORK, PASSWORD, REDIRECT_URI, CLIENT_ID, BASIC,
# SSO_COOKIE, phase(), start_sampler, stop_server, rss_kb, now_ms, set_cookies, oidc_codes, oidc_exchange, log, note, die.

KEYCLOAK=${KEYCLOAK:-1}                       # 0: no Keycloak in this run
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KC_CODES=${KC_CODES:-15000}                   # authorization codes per window of its code-exchange load (its codes live 5 minutes)
KEYCLOAK_PORT=${KEYCLOAK_PORT:-18180}         # only ever 127.0.0.1
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-18190}   # health
KEYCLOAK_DEFAULT_HASH=${KEYCLOAK_DEFAULT_HASH:-1}  # 1: restart it at its default Argon2 parameters and measure login again
KC_HOME=$BENCH/work/keycloak-dist/keycloak-$KEYCLOAK_VERSION
KC_BASE=http://127.0.0.1:$KEYCLOAK_PORT
KC_REALM=bench
KC_REALM_PATH=/realms/$KC_REALM/protocol/openid-connect
# The options fixed at build time (kc.sh build): the embedded file database, as the service's H2, and health.
KC_BUILD_OPTS=(--db=dev-file --health-enabled=true)
# Argon2id at the service's parameters (m=19456 KiB, t=2, p=1): the argon2 password-hashing provider's SPI options.
KC_HASH_OPTS=(--spi-password-hashing--argon2--memory=19456 --spi-password-hashing--argon2--iterations=2
              --spi-password-hashing--argon2--parallelism=1)
KC_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
KC_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
KC_WRAPPER_PID=

# Fetches the distribution (once: Maven's local repository keeps the zip), unpacks it once and builds it for the
# options above (again only when they change), so that every start is 'kc.sh start --optimized', as in production.
keycloak_prepare() {
  [[ $KEYCLOAK == 1 ]] || return 0
  local zip=$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  if [[ ! -f $zip ]]; then
    log "Keycloak: fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central"
    mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -Dtransitive=false \
      || die "could not fetch keycloak-quarkus-dist $KEYCLOAK_VERSION (KEYCLOAK=0 skips Keycloak)"
  fi
  command -v unzip >/dev/null || die "unzip is required for Keycloak (KEYCLOAK=0 skips it)"
  if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
    log "Keycloak: unpacking $KEYCLOAK_VERSION into $KC_HOME"
    mkdir -p "$(dirname "$KC_HOME")"
    unzip -q -o "$zip" -d "$(dirname "$KC_HOME")"
  fi
  if [[ $(cat "$KC_HOME/.bench-build" 2>/dev/null) != "${KC_BUILD_OPTS[*]}" ]]; then
    log "Keycloak: kc.sh build ${KC_BUILD_OPTS[*]}"
    "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" >"$WORK/keycloak-build.log" 2>&1 \
      || { tail -20 "$WORK/keycloak-build.log" >&2; die "kc.sh build failed"; }
    echo "${KC_BUILD_OPTS[*]}" >"$KC_HOME/.bench-build"
  fi
}

# Served: the discovery document of the master realm answers 200 (Keycloak answers 503 while it bootstraps) and
# the readiness check on the management port says so.
keycloak_served() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$KC_BASE/realms/master/.well-known/openid-configuration" || true) == 200 \
     && $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready" || true) == 200 ]]
}

# Starts Keycloak with kc.sh and its default JVM settings; sets SERVER_PID to its JVM (kc.sh runs java as a child),
# so bench/run's CPU, JIT, RSS and stop helpers measure Keycloak, and STARTUP_MS (process start to first served
# request). FRESH=1 starts from an empty database. Extra arguments go to 'kc.sh start'.
keycloak_start() {  # LOGFILE FRESH [OPTIONS...]
  local logfile=$1 fresh=$2 t0
  shift 2
  (exec 3<>"/dev/tcp/127.0.0.1/$KEYCLOAK_PORT") 2>/dev/null && die "something already listens on 127.0.0.1:$KEYCLOAK_PORT; choose another KEYCLOAK_PORT"
  [[ $fresh == 1 ]] && rm -rf "$KC_HOME/data"
  t0=$(now_ms)
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --hostname="$KC_BASE" --cache=local "$@" >"$logfile" 2>&1 &
  KC_WRAPPER_PID=$!
  SERVER_PID=$KC_WRAPPER_PID   # until its JVM is known: stop_server (and bench/run's exit trap) stops kc.sh, which stops the JVM
  until keycloak_served; do
    kill -0 "$KC_WRAPPER_PID" 2>/dev/null || { tail -30 "$logfile" >&2; die "Keycloak exited during startup (log: $logfile)"; }
    (( $(now_ms) - t0 > STARTUP_TIMEOUT * 1000 )) && { tail -30 "$logfile" >&2; die "Keycloak not served after ${STARTUP_TIMEOUT}s"; }
    sleep 0.1
  done
  STARTUP_MS=$(( $(now_ms) - t0 ))
  SERVER_T0=$t0
  SERVER_PID=$(pgrep -P "$KC_WRAPPER_PID" -x java | head -1)
  [[ -n $SERVER_PID ]] || die "Keycloak's JVM (a child of kc.sh $KC_WRAPPER_PID) not found"
  log "Keycloak ($SERVER_PID) served its first request after ${STARTUP_MS} ms"
}

keycloak_stop() {
  stop_server
  if [[ -n $KC_WRAPPER_PID ]]; then
    wait "$KC_WRAPPER_PID" 2>/dev/null || true
    KC_WRAPPER_PID=
  fi
}

# The admin REST API with a fresh token of the bootstrap admin (the master realm's tokens live 60 s).
kc_admin_token() {
  KC_ADMIN_TOKEN=$(curl -s --max-time 30 "$KC_BASE/realms/master/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=admin-cli -d username=admin --data-urlencode "password=$KC_ADMIN_PASSWORD" | jq -r '.access_token // empty')
  [[ -n $KC_ADMIN_TOKEN ]] || die "no admin token from Keycloak"
}
kc_admin() {  # METHOD PATH [JSON] -> the body; dies unless 2xx
  local out
  out=$(curl -s --max-time 60 -X "$1" "$KC_BASE/admin/realms$2" -H "Authorization: Bearer $KC_ADMIN_TOKEN" \
    -H 'Content-Type: application/json' ${3:+-d "$3"} -w '\n%{http_code}')
  [[ ${out##*$'\n'} == 2* ]] || die "Keycloak admin API: $1 $2 answered ${out##*$'\n'}: ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}
# The Argon2 parameters of the bench user's stored password, as the admin API shows its credential data.
kc_credential_params() {
  local id
  id=$(kc_admin GET "/$KC_REALM/users?username=bench&exact=true" | jq -r '.[0].id')
  kc_admin GET "/$KC_REALM/users/$id/credentials" | jq -r '.[] | select(.type == "password") | .credentialData | fromjson |
    "\(.algorithm) type=\(.additionalParameters.type[0]) m=\(.additionalParameters.memory[0]) t=\(.hashIterations) p=\(.additionalParameters.parallelism[0])"'
}

# A realm whose password policy hashes with argon2 (iterations as the SPI option says: t=2), a user with the bench
# password and a confidential client (client_secret_basic) allowed the password (direct access), code and
# client_credentials grants. Lifetimes: access tokens and sessions 1 hour, codes 5 minutes (so that a window's codes
# made in advance stay valid: the lifetimes do not change the work per request).
keycloak_configure() {
  kc_admin_token
  kc_admin POST "" "{\"realm\":\"$KC_REALM\",\"enabled\":true,\"passwordPolicy\":\"hashAlgorithm(argon2) and hashIterations(2)\",
    \"accessTokenLifespan\":3600,\"ssoSessionIdleTimeout\":3600,\"accessCodeLifespan\":300}" >/dev/null
  kc_admin POST "/$KC_REALM/clients" "{\"clientId\":\"bench\",\"secret\":\"$KC_SECRET\",\"publicClient\":false,
    \"clientAuthenticatorType\":\"client-secret\",\"directAccessGrantsEnabled\":true,\"serviceAccountsEnabled\":true,
    \"standardFlowEnabled\":true,\"redirectUris\":[\"$REDIRECT_URI\"]}" >/dev/null
  kc_admin POST "/$KC_REALM/users" "$(jq -nc --arg p "$PASSWORD" '{username: "bench", email: "bench@bench.example",
    emailVerified: true, firstName: "Bench", lastName: "User", enabled: true,
    credentials: [{type: "password", value: $p, temporary: false}]}')" >/dev/null
  KC_CREDENTIAL=$(kc_credential_params)
  log "Keycloak: realm $KC_REALM configured; the bench user's password is stored as $KC_CREDENTIAL"
  [[ $KC_CREDENTIAL == "argon2 type=id m=19456 t=2 p=1" ]] || die "Keycloak stored the password as '$KC_CREDENTIAL', not Argon2id m=19456 t=2 p=1"
}

kc_token() {  # GRANT-ARGS... -> the token response
  curl -s --max-time 30 "$KC_BASE$KC_REALM_PATH/token" -H "Authorization: $BASIC" "$@"
}
kc_password_body() { printf 'grant_type=password&username=bench&password=%s' "$(jq -rn --arg p "$PASSWORD" '$p | @uri')"; }

# Logs the bench user in on Keycloak's login page as a browser would (the form and its cookies); sets SSO_COOKIE.
keycloak_sso_login() {
  local page=$WORK/kc-login-page.html headers=$WORK/kc-login-headers.txt action
  curl -s --max-time 30 -D "$headers" -o "$page" "$(authorize_url)"
  action=$(grep -o '<form id="kc-form-login"[^>]*>' "$page" | sed -n 's/.* action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')
  [[ -n $action ]] || die "Keycloak's login page has no form (see $page)"
  curl -s --max-time 30 -o /dev/null -X POST "$action" -H "Cookie: $(set_cookies "$headers")" -D "$headers.2" \
    --data-urlencode username=bench --data-urlencode "password=$PASSWORD" --data-urlencode credentialId=
  grep -qi '^location: .*[?&]code=' "$headers.2" || die "Keycloak's login did not send a code back: $(head -1 "$headers.2")"
  SSO_COOKIE=$(set_cookies "$headers.2")
}

# The small case's connection count of a service phase, so both run at the same connections.
conns_of() { jq .connections "$PH/$1.json"; }

# Keycloak's phases, each beside the service's equivalent:
#   login         POST /api/users/login (JSON)        <-> the direct access (ROPC) grant at the token endpoint
#   me            GET /api/users/me (Bearer)          <-> GET userinfo (Bearer)
#   oidc_refresh  refresh_token grant (code flow)     <-> refresh_token grant (code flow)
#   client_credentials, code_exchange                 <-> the same grants at Keycloak's token endpoint
keycloak_phases() {  # SUFFIX LABEL_SUFFIX
  local sfx=$1 lsfx=$2
  export WRK_METHOD=POST WRK_BODY="$(kc_password_body)" WRK_AUTH= WRK_AUTHORIZATION="$BASIC" WRK_FORM=1
  # Argon2-bound like the service's login: at its connection count, and by the same rule down to HASH_CONNECTIONS
  # when that count makes requests time out (a timed-out request is work thrown away, not a slower rate)
  if [[ $(conns_of login) == "$CONNECTIONS" ]]; then
    phase "kc_login$sfx" "Keycloak: POST token (password grant)$lsfx" static "$KC_REALM_PATH/token" hash
  else
    phase "kc_login$sfx" "Keycloak: POST token (password grant)$lsfx" static "$KC_REALM_PATH/token" "" "$(conns_of login)"
  fi
  [[ -n $sfx ]] && return 0
  local access
  access=$(kc_token -d grant_type=password -d scope=openid -d username=bench --data-urlencode "password=$PASSWORD" | jq -r '.access_token // empty')
  [[ -n $access ]] || die "Keycloak's password grant gave no access token"
  export WRK_METHOD=GET WRK_BODY= WRK_AUTH=$access WRK_AUTHORIZATION= WRK_FORM=
  phase kc_userinfo "Keycloak: GET userinfo (Bearer)" static "$KC_REALM_PATH/userinfo" "" "$(conns_of me)"
  keycloak_sso_login
  export WRK_METHOD=POST WRK_BODY=grant_type=client_credentials WRK_AUTH= WRK_AUTHORIZATION="$BASIC" WRK_FORM=1
  phase kc_client_credentials "Keycloak: POST token (client_credentials)" static "$KC_REALM_PATH/token" "" "$(conns_of client_credentials)"
  export WRK_BODY= WRK_REDIRECT_URI=$(jq -rn --arg u "$REDIRECT_URI" '$u | @uri')
  # Keycloak exchanges codes faster than the service makes them: CODES per window ran out (its codes live 5 minutes)
  local service_codes=$CODES
  CODES=$KC_CODES
  phase kc_code_exchange "Keycloak: POST token (authorization_code)" codes "$KC_REALM_PATH/token" "" "$(conns_of code_exchange)"
  CODES=$service_codes
  REFRESH_SOURCE=oidc
  phase kc_refresh "Keycloak: POST token (refresh_token)" refresh "$KC_REALM_PATH/token" "" "$(conns_of oidc_refresh)"
  REFRESH_SOURCE=api
  export WRK_AUTHORIZATION= WRK_FORM=
}

# The whole Keycloak part of a run: fresh start (startup, RSS at rest), configuration, the phases (peak RSS), and,
# with KEYCLOAK_DEFAULT_HASH=1, a restart at Keycloak's default Argon2 parameters (m=7168 KiB, t=5, p=1) for login.
# Writes $PH/keycloak.json. The service must be stopped (the two never run at once).
keycloak_bench() {
  [[ $KEYCLOAK == 1 ]] || return 0
  local saved_base=$BASE saved_client=${CLIENT_ID:-} saved_basic=${BASIC:-} saved_sso=${SSO_COOKIE:-}
  BASE=$KC_BASE CLIENT_ID=bench BASIC="Basic $(printf 'bench:%s' "$KC_SECRET" | base64 -w0)"
  OIDC_AUTHORIZE_PATH=$KC_REALM_PATH/auth OIDC_TOKEN_PATH=$KC_REALM_PATH/token OIDC_SCOPE=openid
  log "Keycloak $KEYCLOAK_VERSION: starting on $KC_BASE (fresh embedded database, Argon2id m=19456 KiB, t=2, p=1)"
  keycloak_start "$WORK/keycloak-1.log" 1 "${KC_HASH_OPTS[@]}"
  local startup=$STARTUP_MS jvm_flags
  jvm_flags=$(tr '\0' '\n' <"/proc/$SERVER_PID/cmdline" | grep -E '^-X' | paste -sd' ')
  keycloak_configure
  kc_token -d grant_type=password -d username=bench --data-urlencode "password=$PASSWORD" | jq -e .access_token >/dev/null \
    || die "Keycloak's password grant failed"
  sleep "$IDLE"
  local rss_rest
  rss_rest=$(rss_kb)
  log "Keycloak: RSS at rest $rss_rest kB"
  start_sampler "$WORK/rss-keycloak.txt"
  keycloak_phases "" ""
  stop_sampler
  local rss_peak restart=null rss_rest_default=null credential_default=null
  rss_peak=$(max_of "$WORK/rss-keycloak.txt")
  keycloak_stop
  if [[ $KEYCLOAK_DEFAULT_HASH == 1 ]]; then
    log "Keycloak: restarting at its default Argon2 parameters (existing database)"
    keycloak_start "$WORK/keycloak-2.log" 0
    restart=$STARTUP_MS
    kc_admin_token
    kc_admin PUT "/$KC_REALM" '{"passwordPolicy":"hashAlgorithm(argon2)"}' >/dev/null
    # a login re-hashes a password stored at other parameters: one login, then the credential must be Argon2's defaults
    kc_token -d grant_type=password -d username=bench --data-urlencode "password=$PASSWORD" >/dev/null
    credential_default=$(kc_credential_params)
    log "Keycloak: the bench user's password is now stored as $credential_default"
    [[ $credential_default == "argon2 type=id m=7168 t=5 p=1" ]] || die "Keycloak re-hashed the password as '$credential_default'"
    keycloak_phases _default_hash ", Argon2id m=7168 KiB, t=5, p=1 (Keycloak's default)"
    credential_default=$(jq -n --arg c "$credential_default" '$c')
    keycloak_stop
  fi
  jq -n --arg version "$KEYCLOAK_VERSION" --arg flags "$jvm_flags" --argjson startup "$startup" --argjson restart "$restart" \
    --argjson rss_rest "$rss_rest" --argjson rss_peak "$rss_peak" --arg credential "$KC_CREDENTIAL" \
    --argjson credential_default "$credential_default" \
    '{version: $version, jvm_flags: $flags, startup_ms: $startup, restart_ms: $restart, rss_rest_kb: $rss_rest, rss_peak_kb: $rss_peak,
      stored_password: $credential, stored_password_default_hash: $credential_default}' >"$PH/keycloak.json"
  BASE=$saved_base CLIENT_ID=$saved_client BASIC=$saved_basic SSO_COOKIE=$saved_sso
  unset OIDC_AUTHORIZE_PATH OIDC_TOKEN_PATH OIDC_SCOPE
  # the password-grant phase at Keycloak's default parameters returns early with the client's Basic header and a
  # form body still exported: the service's growth phases after this must not send them (they answered 415)
  export WRK_AUTHORIZATION= WRK_FORM= WRK_BODY=
}

# Adds Keycloak's figures to the run's results: .keycloak in the JSON (its phases, start and memory, and per flow
# the service's rate against Keycloak's, both per vCPU = rate ÷ cores busy by the server process, next to Keycloak's
# published sizing), and a section of the Markdown.
keycloak_results() {  # JSON MD
  [[ $KEYCLOAK == 1 ]] || return 0
  local json=$1 md=$2 k endpoints
  endpoints=$(for k in kc_login kc_userinfo kc_client_credentials kc_code_exchange kc_refresh kc_login_default_hash; do
    [[ -f $PH/$k.json ]] && jq -c --arg k "$k" '{key: $k, value: .}' "$PH/$k.json"; done | jq -s from_entries)
  jq --slurpfile kc "$PH/keycloak.json" --argjson endpoints "$endpoints" '
    def r1: . * 10 | round / 10;
    def per_vcpu: if (.cores_busy.server // 0) > 0 then (.rps / .cores_busy.server | r1) else null end;
    .endpoints as $svc |
    .keycloak = ($kc[0] + {
      endpoints: $endpoints,
      published_sizing_per_vcpu: {password_logins_per_s: 15, refreshes_per_s: 120, client_credentials_per_s: 120, memory_mb_per_pod: 1250},
      comparison: ([
        {flow: "password login (service: JSON POST /api/users/login; Keycloak: direct access grant)", service: "login", keycloak: "kc_login", published: 15},
        {flow: "password login, Keycloak at its default Argon2 parameters", service: "login", keycloak: "kc_login_default_hash", published: 15},
        {flow: "bearer token read (service: GET /api/users/me; Keycloak: userinfo)", service: "me", keycloak: "kc_userinfo", published: null},
        {flow: "refresh_token grant of the code flow", service: "oidc_refresh", keycloak: "kc_refresh", published: 120},
        {flow: "refresh (service: JSON POST /api/tokens/refresh; Keycloak: refresh_token grant)", service: "refresh", keycloak: "kc_refresh", published: 120},
        {flow: "client_credentials grant", service: "client_credentials", keycloak: "kc_client_credentials", published: 120},
        {flow: "authorization_code exchange", service: "code_exchange", keycloak: "kc_code_exchange", published: null}
      ] | map(. as $c | select($endpoints[$c.keycloak] != null and ($svc[$c.service].rps // null) != null) |
        ($svc[$c.service]) as $s | ($endpoints[$c.keycloak]) as $k |
        $c + {connections: $k.connections, service_connections: $s.connections, service_rps: ($s.rps | r1), keycloak_rps: ($k.rps | r1),
              ratio: (if $k.rps > 0 then ($s.rps / $k.rps * 100 | round / 100) else null end),
              service_per_vcpu: ($s | per_vcpu), keycloak_per_vcpu: ($k | per_vcpu)}))
    })' "$json" >"$json.tmp" && mv "$json.tmp" "$json"
  jq -r '
    def f1: if . == null then "–" else (. * 10 | round / 10 | tostring) end;
    def f2: if . == null then "–" else (. * 100 | round / 100 | tostring) end;
    def mb: if . == null then "–" else (. / 1024 | round | tostring) + " MiB" end;
    .keycloak as $kc |
    "",
    "## Against Keycloak \($kc.version) (same run, same wrk settings, warm-up and connections; the service stopped meanwhile)",
    "",
    "Keycloak: `kc.sh start --optimized` (built with `--db=dev-file --health-enabled=true`), `--cache=local`, HTTP on 127.0.0.1, its own default JVM settings (`\($kc.jvm_flags)`, G1). Stored password of the bench user (admin API): \($kc.stored_password)\(if $kc.stored_password_default_hash then "; after the restart at its defaults: \($kc.stored_password_default_hash)" else "" end).",
    "",
    "| Keycloak endpoint | Conns | Requests/s | Spread | p50 ms | p99 ms | Non-2xx/3xx | Server CPU ms/req | Cores busy: server / wrk / other | Notes |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ($kc.endpoints[] | "| \(.label) | \(.connections) | \(.rps | f1) | \(.rps_spread_percent | f1) % | \(.p50_ms | f2) | \(.p99_ms | f2) | \(.non_2xx_3xx) | \(.server_cpu_ms_per_request | f2) | \(.cores_busy.server | f2) / \(.cores_busy.wrk | f2) / \(.cores_busy.other | f2) | \([(if .warmup_s then "warm-up \(.warmup_s) s" else null end), (.note // "" | sub("like the small case"; "like the service"))] | map(select(. != null and . != "")) | join("; ")) |"),
    "",
    "| Flow | Conns (service / Keycloak if they differ) | Service req/s | Keycloak req/s | Service ÷ Keycloak | Service per vCPU | Keycloak per vCPU | Keycloak published per vCPU |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ($kc.comparison[] | "| \(.flow) | \(if .service_connections == .connections then .connections else "\(.service_connections) / \(.connections)" end) | \(.service_rps | f1) | \(.keycloak_rps | f1) | ×\(.ratio | f2) | \(.service_per_vcpu | f1) | \(.keycloak_per_vcpu | f1) | \(.published // "–") |"),
    "",
    "Per vCPU = requests/s ÷ cores kept busy by the server process while measuring (its CPU time over the windows).",
    "",
    "| Start and memory | Service | Keycloak | Keycloak sizing guide |",
    "|---|---:|---:|---:|",
    "| start → first served request (fresh database) | \(.startup_ms) ms | \($kc.startup_ms) ms | – |",
    "| restart → first served request (existing database) | \(.growth.startup_ms) ms (growth case) | \($kc.restart_ms // "–") ms | – |",
    "| RSS at rest | \(.rss_rest_kb | mb) | \($kc.rss_rest_kb | mb) | 1,250 MB per pod |",
    "| peak RSS under load | \(.rss_peak_kb | mb) | \($kc.rss_peak_kb | mb) | |"
  ' "$json" >>"$md"
}
