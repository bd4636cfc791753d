-- wrk's summary rounds its figures for people; benchmarks/pages.py reads this line
-- instead: exact p50 and p99 from wrk's full latency histogram, and the error counts.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.6f, "bytes": %d, "p50_ms": %.3f, '
      .. '"p99_ms": %.3f, "max_ms": %.3f, "status_errors": %d, "socket_errors": %d}\n',
    summary.requests,
    summary.duration / 1e6,
    summary.bytes,
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.status,
    errors.connect + errors.read + errors.write + errors.timeout
  ))
end
