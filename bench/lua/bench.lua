-- One wrk script for every load phase of bench/run, driven by environment variables:
--   WRK_MODE    static (default) | register | logins | refresh | codes
--   WRK_METHOD, WRK_BODY, WRK_AUTH (a bearer token)   for static requests
--   WRK_AUTHORIZATION   a whole Authorization header instead (e.g. "Basic ..." of an OAuth client)
--   WRK_FORM=1  the body is form-encoded (the OAuth token endpoint): refresh sends grant_type=refresh_token
--   WRK_MODE=codes: WRK_CODES_FILE (authorization codes, one a line, each sent once), WRK_REDIRECT_URI (encoded)
--   WRK_PASSWORD                                      for register and logins
--   WRK_EMAILS (comma-separated)                      for logins: the accounts logged in, in turn
--   WRK_REFRESH_TOKENS (comma-separated), WRK_TOKENS_PER_THREAD   for refresh
--   RUN_ID      unique per wrk invocation (register: emails never repeat across runs)
--   WRK_SEQ     the invocation's number in the run (register: client addresses never repeat within a run)
--   WRK_RESULT  file that done() writes its JSON summary to
local mode = os.getenv("WRK_MODE") or "static"
local result_file = os.getenv("WRK_RESULT")
local run_id = os.getenv("RUN_ID") or tostring(os.time())

wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  wrk.body = body
end
local form = os.getenv("WRK_FORM") == "1"
if (body and body ~= "") or mode ~= "static" then
  wrk.headers["Content-Type"] = form and "application/x-www-form-urlencoded" or "application/json"
end
local auth = os.getenv("WRK_AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. auth
end
local authorization = os.getenv("WRK_AUTHORIZATION")
if authorization and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

-- setup() runs in the main Lua state, once per thread, before that thread's init()
local threads = 0
local thread_list = {}
function setup(thread)
  threads = threads + 1
  thread_list[threads] = thread
  thread:set("bench_tid", threads)
  if mode == "refresh" then
    local per = tonumber(os.getenv("WRK_TOKENS_PER_THREAD") or "1")
    local all = {}
    for t in string.gmatch(os.getenv("WRK_REFRESH_TOKENS") or "", "[^,]+") do
      all[#all + 1] = t
    end
    local mine = {}
    for i = (threads - 1) * per + 1, threads * per do
      if all[i] then mine[#mine + 1] = all[i] end
    end
    thread:set("bench_tokens", table.concat(mine, ","))
  elseif mode == "codes" then
    -- every thread takes every n-th code of the file (n = WRK_THREADS: wrk runs a thread's init() before it sets
    -- up the next thread, so the count must be known in advance)
    local n, mine, i = tonumber(os.getenv("WRK_THREADS") or "1"), {}, 0
    for line in io.lines(os.getenv("WRK_CODES_FILE")) do
      i = i + 1
      if (i - 1) % n == threads - 1 then mine[#mine + 1] = line end
    end
    thread:set("bench_tokens", table.concat(mine, ","))
  end
end

-- answers by status and the first failure's body, per thread (status_summary adds them up over the threads)
local function count_statuses()
  statuses, first_failure = {}, ""
  response = function(status, headers, b)
    statuses[status] = (statuses[status] or 0) + 1
    if (status < 200 or status > 299) and first_failure == "" then first_failure = status .. " " .. string.sub(b or "", 1, 200) end
  end
end

if mode == "register" then
  -- a unique email per request: run id + thread id + per-thread counter
  local password = os.getenv("WRK_PASSWORD") or "correct horse battery"
  local seq, threads_n, n = tonumber(os.getenv("WRK_SEQ") or "0"), tonumber(os.getenv("WRK_THREADS") or "1"), 0
  request = function()
    n = n + 1
    local email = string.format("r%s-%d-%d@bench.example", run_id, bench_tid, n)
    local b = string.format('{"username":"bench %d-%d","email":"%s","password":"%s"}',
      bench_tid, n, email, password)
    -- a client address of its own per request (the server trusts 127.0.0.1 as a proxy): the per-address
    -- registration limit (REGISTER_IP_LIMIT an hour) is not what this measures. The second octet differs per
    -- invocation too: the same addresses in every warm-up and measured window added up to more than the limit
    -- when the growth case's registrations fell into the small case's hourly window (20261208T012311Z: a third of
    -- the growth case's registrations refused fast, without a hash)
    wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", (seq * threads_n + bench_tid - 1) % 256,
      math.floor(n / 256) % 256, n % 256)
    return wrk.format("POST", nil, nil, b)
  end
  count_statuses()
elseif mode == "logins" then
  -- many users logging in, each from an address of its own: one account logged in from every connection at once
  -- is refused by the login throttle (attempts in flight count against LOGIN_MAX_FAILURES), as guessing would be
  local password = os.getenv("WRK_PASSWORD") or "correct horse battery"
  local emails = {}
  for e in string.gmatch(os.getenv("WRK_EMAILS") or "", "[^,]+") do emails[#emails + 1] = e end
  -- thread t takes accounts t, t + threads, ... so two threads never send the same account at once
  local threads_n, n = tonumber(os.getenv("WRK_THREADS") or "1"), 0
  request = function()
    n = n + 1
    local i = ((n - 1) * threads_n + bench_tid - 1) % #emails + 1
    wrk.headers["X-Forwarded-For"] = string.format("10.200.%d.%d", math.floor(i / 256) % 256, i % 256)
    return wrk.format("POST", nil, nil, string.format('{"email":"%s","password":"%s"}', emails[i], password))
  end
  count_statuses()
elseif mode == "refresh" then
  -- refresh tokens may rotate: every answer's new refresh_token goes back into this thread's pool
  local pool, first = {}, nil
  init = function(args)
    for t in string.gmatch(bench_tokens or "", "[^,]+") do
      pool[#pool + 1] = t
      first = first or t
    end
  end
  request = function()
    -- a spent token must never be sent again (that ends its session): with one token per connection the
    -- pool is only empty when a refresh failed (bench/run adds a spare per thread: wrk calls request() once unsent)
    local t = table.remove(pool, 1) or "none"
    if form then
      return wrk.format("POST", nil, nil, "grant_type=refresh_token&refresh_token=" .. t)
    end
    return wrk.format("POST", nil, nil, '{"refresh_token":"' .. t .. '"}')
  end
  -- answers by status, and the first failure's body, so that lost refresh tokens can be explained
  statuses, first_failure = {}, ""
  response = function(status, headers, b)
    statuses[status] = (statuses[status] or 0) + 1
    local t = b and string.match(b, '"refresh_token"%s*:%s*"([^"]+)"')
    if t then
      pool[#pool + 1] = t
    elseif first_failure == "" then
      first_failure = status .. " " .. string.sub(b or "", 1, 200)
    end
  end
end

if mode == "codes" then
  -- a code is single-use: each is sent once; when the pool is empty a spent one goes (400, counted apart)
  local pool = {}
  local redirect = os.getenv("WRK_REDIRECT_URI") or ""
  init = function(args)
    for t in string.gmatch(bench_tokens or "", "[^,]+") do pool[#pool + 1] = t end
  end
  request = function()
    local c = table.remove(pool) or "spent"
    return wrk.format("POST", nil, nil, "grant_type=authorization_code&redirect_uri=" .. redirect .. "&code=" .. c)
  end
  count_statuses()
end

-- {"200":n,"401":m} over all threads, and the first failure seen (refresh, codes and logins modes)
local function status_summary()
  local total, failure = {}, ""
  for _, thread in ipairs(thread_list) do
    local counts = thread:get("statuses")
    if type(counts) == "table" then
      for status, n in pairs(counts) do
        total[status] = (total[status] or 0) + n
      end
    end
    local f = thread:get("first_failure")
    if failure == "" and type(f) == "string" then failure = f end
  end
  local parts = {}
  for status, n in pairs(total) do parts[#parts + 1] = string.format('"%d":%d', status, n) end
  return "{" .. table.concat(parts, ",") .. "}", failure
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  local s = string.format(
    '{"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,'
      .. '"non_2xx_3xx":%d,"timeouts":%d,"socket_errors":%d}',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.timeout, e.connect + e.read + e.write)
  if mode ~= "static" then  -- every load but the static one counts its answers by status
    local counts, failure = status_summary()
    s = string.sub(s, 1, -2) .. ',"statuses":' .. counts .. ',"first_failure":"'
      .. string.gsub(failure, '["\\%c]', " ") .. '"}'
  end
  if result_file then
    local f = assert(io.open(result_file, "w"))
    f:write(s, "\n")
    f:close()
  else
    io.write(s, "\n")
  end
end
