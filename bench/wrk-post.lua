-- wrk script: POSTs the file named by BODY_FILE to the URL given. With EXPECT_FILE,
-- also counts answers that are not 200 with exactly that body (printed at the end).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = file:read("*a")
file:close()

local expect_file = os.getenv("EXPECT_FILE")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  mismatches = 0
  answers = 0
  if expect_file then
    local f = assert(io.open(expect_file, "rb"))
    expected = f:read("*a")
    f:close()
  end
end

if expect_file then
  function response(status, headers, body)
    answers = answers + 1
    if status ~= 200 or body ~= expected then mismatches = mismatches + 1 end
  end
end

function done(summary, latency, requests)
  if not expect_file then return end
  local bad, total = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("mismatches")
    total = total + t:get("answers")
  end
  io.write(string.format("checked %d answers, %d not the expected bytes\n", total, bad))
end
