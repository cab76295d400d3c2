-- wrk script of the API benchmark: after "--", a path in which each "{n}" becomes a random number
-- below the second argument (e.g. /api/v1/profiles/bench-{n} 1000), and a report line with the
-- latency percentiles that ServiceBenchmark reads.
local pattern = nil
local count = 1

function init(args)
  if #args >= 1 then
    pattern = args[1]
    count = tonumber(args[2] or "1")
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  if pattern == nil then
    return wrk.format(nil)
  end
  local path = string.gsub(pattern, "{n}", tostring(math.random(0, count - 1)))
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f max=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors, summary.errors.status))
end
