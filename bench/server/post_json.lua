-- wrk script: POST the JSON body read from the file $BODY_FILE (an extract request) to the URL given.
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
