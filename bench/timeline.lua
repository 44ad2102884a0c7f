-- wrk script: POSTs the GraphQL request in $BENCH_BODY and counts answers second by second (wall clock), with
-- those that failed: a status other than 200, or a body carrying GraphQL errors (which come with HTTP 200).
-- done() prints one TICK line per second: TICK epoch=<s> answers=<n> errors=<n>.
local file = assert(io.open(os.getenv("BENCH_BODY"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  answers = {}
  errors = {}
end

function response(status, headers, body)
  local second = os.time()
  answers[second] = (answers[second] or 0) + 1
  if status ~= 200 or body:find('"errors"', 1, true) then
    errors[second] = (errors[second] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  local failed = {}
  for _, thread in ipairs(threads) do
    for second, n in pairs(thread:get("answers")) do
      total[second] = (total[second] or 0) + n
    end
    for second, n in pairs(thread:get("errors")) do
      failed[second] = (failed[second] or 0) + n
    end
  end
  local seconds = {}
  for second in pairs(total) do
    table.insert(seconds, second)
  end
  table.sort(seconds)
  for _, second in ipairs(seconds) do
    io.write(string.format("TICK epoch=%d answers=%d errors=%d\n", second, total[second], failed[second] or 0))
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d timeouts=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, socket,
    summary.errors.timeout))
end
