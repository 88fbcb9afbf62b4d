-- wrk script for bench/load.sh: each connection cycles through a fixed set
-- of API requests, and every response's status is counted, so that the
-- summary can tell intended 429s from other non-2xx answers.

local paths = {
  "/api/search?q=cooperation",
  "/api/search?q=human+rights&per_page=20",
  "/api/search?q=data+protection&view=passages",
  "/api/search?q=%22electronic+evidence%22",
  "/api/search?q=victims&session=ahc-4",
  "/api/search?q=capacity+building&sort=date",
  "/api/search?q=crim*",
  "/api/search?q=privacy&language=en&page=2",
  "/api/search?q=civil+society&chapter=international-cooperation",
  "/api/facets",
  "/api/timeline?q=cooperation",
  "/api/similar?text=international+cooperation+must+respect+human+rights",
  "/api/health",
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local e = summary.errors
  io.write(string.format("LOAD requests=%d duration_s=%.1f rps=%.1f\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("LOAD socket_errors connect=%d read=%d write=%d timeout=%d\n",
    e.connect, e.read, e.write, e.timeout))
  for status, count in pairs(totals) do
    io.write(string.format("LOAD status %d %d\n", status, count))
  end
  io.write(string.format("LOAD latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
