-- wrk script: each request asks for the next path of a file, one path a line, so a run spreads
-- over many pages instead of one. Each wrk thread starts at its own place in the list.
--   wrk -t2 -c16 -d10s -s bench/rotate.lua http://127.0.0.1:8000 -- paths.txt
local paths = {}
local position = 0
local threads = 0

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function(args)
  local file = args[1]
  if file == nil then
    error("rotate.lua needs the file of paths after --")
  end
  for line in io.lines(file) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("rotate.lua found no paths in " .. file)
  end
  -- Threads start far apart: each thread's id is set by setup() above.
  position = ((id or 0) * 7919) % #paths
end

request = function()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
