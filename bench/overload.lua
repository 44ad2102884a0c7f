-- wrk script for bench/overload.sh: cold `product` with a new GTIN on every request (from the list in
-- $BENCH_GTINS), each answer timed and sorted into
--   good:    HTTP 200, no GraphQL error, offers from both marketplaces
--   refused: HTTP 503 with OVERLOADED (the admission limit)
--   other:   anything else (an error, a missing offer, another status)
-- Run it with as many threads as connections (-t N -c N): wrk gives a script no connection id, and with
-- one connection a thread, each response follows its own thread's request, so it can be timed here.
-- With BENCH_HONOR_RETRY_AFTER=1 a refused connection waits its Retry-After before its next request, as a
-- well-behaved client would; by default it asks again at once, the worst case for the gateway.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local now_buffer = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_buffer)
  return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1e6
end

local QUERY = 'query Product($gtin: GTIN!) { product(gtin: $gtin, shipTo: \\"ES\\") { gtin title brand { name } '
  .. 'offers { marketplace origin price { amount currency } shippingFee { amount } '
  .. 'delivery { shipsFrom minDays maxDays label } } } }'

local gtins = {}
for line in assert(io.open(os.getenv("BENCH_GTINS"), "r")):lines() do
  if #line > 0 then table.insert(gtins, line) end
end
local honor_retry_after = os.getenv("BENCH_HONOR_RETRY_AFTER") == "1"

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count * 97)
  table.insert(threads, thread)
end

function init(args)
  next_gtin = offset
  started = 0
  backoff_ms = 0
  good_ms, refused_ms, other_ms = {}, {}, {}
  other_sample = ""
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  next_gtin = next_gtin + 1
  local gtin = gtins[(next_gtin % #gtins) + 1]
  started = now_ms()
  return wrk.format(nil, nil, nil,
    '{"query":"' .. QUERY .. '","operationName":"Product","variables":{"gtin":"' .. gtin .. '"}}')
end

if honor_retry_after then
  -- defined only when asked for: wrk then schedules every request through a timer
  function delay()
    local wait = backoff_ms
    backoff_ms = 0
    return wait
  end
end

function response(status, headers, body)
  local took = now_ms() - started
  if status == 503 and body:find('"OVERLOADED"', 1, true) then
    table.insert(refused_ms, took)
    if honor_retry_after then
      backoff_ms = (tonumber(headers["Retry-After"]) or 1) * 1000
    end
  elseif status == 200 and not body:find('"errors"', 1, true) and body:find('"TMALL_EUROPE"', 1, true)
      and body:find('"ALIEXPRESS"', 1, true) then
    table.insert(good_ms, took)
  else
    table.insert(other_ms, took)
    if #other_sample == 0 then other_sample = status .. " " .. body:sub(1, 300) end
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

local function collect(name)
  local all = {}
  for _, thread in ipairs(threads) do
    for _, value in ipairs(thread:get(name)) do table.insert(all, value) end
  end
  table.sort(all)
  return all
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local good, refused, other = collect("good_ms"), collect("refused_ms"), collect("other_ms")
  local admitted = {}
  for _, value in ipairs(good) do table.insert(admitted, value) end
  for _, value in ipairs(other) do table.insert(admitted, value) end
  table.sort(admitted)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT seconds=%.1f answers=%d good=%d goodput_rps=%.1f refused=%d other=%d socket_errors=%d "
      .. "admitted_p50_ms=%.1f admitted_p99_ms=%.1f admitted_max_ms=%.1f "
      .. "refused_p50_ms=%.2f refused_p99_ms=%.2f refused_max_ms=%.2f\n",
    seconds, summary.requests, #good, #good / seconds, #refused, #other, socket,
    percentile(admitted, 50), percentile(admitted, 99), percentile(admitted, 100),
    percentile(refused, 50), percentile(refused, 99), percentile(refused, 100)))
  for _, thread in ipairs(threads) do
    local sample = thread:get("other_sample")
    if sample and #sample > 0 then
      io.write("OTHER " .. sample:gsub("\n", " ") .. "\n")
      break
    end
  end
end
