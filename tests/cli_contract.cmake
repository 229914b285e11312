# The extract CLI contract, run with: cmake -DEXTRACT=... -DFIXTURES=... -DWORK=... -P cli_contract.cmake
# Each check runs the real binary and parses its output with CMake's JSON reader.

# expect("rc EQUAL 0" "message"): the condition is evaluated as if() code.
macro(expect cond msg)
  set(_expect_msg "${msg}")
  cmake_language(EVAL CODE "if(NOT (${cond}))
  message(FATAL_ERROR \"cli contract: \${_expect_msg}\")
endif()")
endmacro()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/batch/sub")
file(COPY "${FIXTURES}/post.txt" DESTINATION "${WORK}/batch")
file(COPY "${FIXTURES}/posts/plain-digest.md" DESTINATION "${WORK}/batch/sub")
file(WRITE "${WORK}/batch/empty.html" "")
# a gzip header: binary junk
string(ASCII 31 139 8 1 gzip_header)
file(WRITE "${WORK}/batch/junk.bin" "${gzip_header}junkjunk")

# 1. one input: pretty JSON, exit 0
execute_process(COMMAND "${EXTRACT}" "${FIXTURES}/post.txt" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
expect("rc EQUAL 0" "single input exits 0, got ${rc}")
string(JSON title GET "${out}" title)
expect("title STREQUAL \"金融壹账通(OCFT.US)：2021年营收同比增25% 正积极筹划回归香港市场\"" "seed title")
string(JSON sym GET "${out}" stock_codes 0 symbol)
expect("sym STREQUAL \"OCFT.US\"" "seed stock code")

# 2. a directory with bad files: one line per input, sorted, exit 1, good ones kept
execute_process(COMMAND "${EXTRACT}" "${WORK}/batch" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
expect("rc EQUAL 1" "a batch with failures exits 1, got ${rc}")
string(REGEX REPLACE "\n$" "" out "${out}")
string(REPLACE "\n" ";" lines "${out}")
list(LENGTH lines n)
expect("n EQUAL 4" "four JSONL records, got ${n}")
list(GET lines 0 l0)
list(GET lines 1 l1)
list(GET lines 2 l2)
list(GET lines 3 l3)
string(JSON f0 GET "${l0}" file)
string(JSON e0 GET "${l0}" error)
expect("f0 MATCHES \"empty.html$\" AND e0 STREQUAL \"empty_input\"" "empty file record: ${l0}")
string(JSON e1 GET "${l1}" error)
expect("e1 STREQUAL \"binary_input\"" "junk record: ${l1}")
string(JSON t2 GET "${l2}" title)
expect("t2 MATCHES \"OCFT\"" "seed record kept: ${l2}")
string(JSON t3 GET "${l3}" title)
string(JSON f3 GET "${l3}" file)
expect("f3 MATCHES \"sub/plain-digest.md$\"" "recursion into sub/: ${l3}")
expect("err MATCHES \"junk.bin\"" "stderr names the failed file")

# 3. stdin
execute_process(COMMAND "${EXTRACT}" --format text - INPUT_FILE "${FIXTURES}/post.txt" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
expect("rc EQUAL 0" "stdin exits 0")
expect("out MATCHES \"^金融壹账通\"" "text output starts with the title")

# 4. usage errors exit 2; --help documents exit codes
execute_process(COMMAND "${EXTRACT}" --bogus RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
expect("rc EQUAL 2" "unknown option exits 2")
execute_process(COMMAND "${EXTRACT}" RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
expect("rc EQUAL 2" "no input exits 2")
execute_process(COMMAND "${EXTRACT}" --format yaml x RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
expect("rc EQUAL 2" "bad format exits 2")
execute_process(COMMAND "${EXTRACT}" --help RESULT_VARIABLE rc OUTPUT_VARIABLE out)
expect("rc EQUAL 0 AND out MATCHES \"exit status\" AND out MATCHES \"--default-tz\"" "--help")

# 5. --default-tz applies to times without offset
execute_process(COMMAND "${EXTRACT}" --default-tz -05:00 "${FIXTURES}/posts/plain-digest.md" OUTPUT_VARIABLE out)
string(JSON d GET "${out}" date)
expect("d STREQUAL \"2023-03-14T13:42:07-05:00\"" "default tz: ${d}")

# 6. markdown
execute_process(COMMAND "${EXTRACT}" --format markdown "${FIXTURES}/post.txt" OUTPUT_VARIABLE out)
expect("out MATCHES \"^# 金融壹账通\" AND out MATCHES \"\n## 持续深耕优质客户增长强劲\n\"" "markdown headings")

# 7. a missing file is a failure record, not a crash
execute_process(COMMAND "${EXTRACT}" --format jsonl "${WORK}/nope.txt" "${FIXTURES}/post.txt" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
expect("rc EQUAL 1 AND out MATCHES \"nope.txt\" AND out MATCHES \"OCFT\"" "missing file in a batch")
# 8. a huge file is refused from its size, without reading it (a sparse 200 MB file)
execute_process(COMMAND truncate -s 200M "${WORK}/huge.html" RESULT_VARIABLE trc)
if(trc EQUAL 0)
  execute_process(COMMAND "${EXTRACT}" --format jsonl "${WORK}/huge.html" "${FIXTURES}/post.txt"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
  expect("rc EQUAL 1 AND out MATCHES \"input_too_large\" AND out MATCHES \"OCFT\"" "huge file refused: ${out}")
endif()

# 9. output errors: a full disk exits non-zero with a message; a closed pipe
# (extract … | head -1) ends the run quietly with exit 0: the reader has what it wanted
if(EXISTS /dev/full)
  execute_process(COMMAND "${EXTRACT}" "${FIXTURES}/post.txt" OUTPUT_FILE /dev/full
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  expect("rc EQUAL 1 AND err MATCHES \"write error\"" "full disk: rc=${rc} ${err}")
endif()
find_program(BASH bash)
if(BASH)
  execute_process(COMMAND "${BASH}" -c
    "\"$0\" --format jsonl \"$1\" \"$1\" \"$1\" \"$1\" \"$1\" \"$1\" | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}"
    "${EXTRACT}" "${FIXTURES}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  expect("rc EQUAL 0 AND err STREQUAL \"\"" "closed pipe: rc=${rc} ${err}")
endif()
# 10. --jobs: the same records as one job; --ordered keeps input order;
#     --files-from reads paths; --stats reports on stderr
execute_process(COMMAND "${EXTRACT}" --format jsonl "${FIXTURES}" OUTPUT_VARIABLE one)
execute_process(COMMAND "${EXTRACT}" --jobs 3 --ordered --stats --format jsonl "${FIXTURES}"
  OUTPUT_VARIABLE three ERROR_VARIABLE err RESULT_VARIABLE rc)
expect("rc EQUAL 0 AND one STREQUAL three" "--jobs 3 --ordered gives the one-job output")
expect("err MATCHES \"documents, 0 failed\" AND err MATCHES \"pages/s\"" "--stats: ${err}")
execute_process(COMMAND "${EXTRACT}" --jobs 2 --format jsonl "${FIXTURES}" OUTPUT_VARIABLE two)
string(REPLACE "\n" ";" l1 "${one}")
string(REPLACE "\n" ";" l2 "${two}")
list(SORT l1)
list(SORT l2)
expect("l1 STREQUAL l2" "--jobs 2 gives the same records in some order")
file(WRITE "${WORK}/list.txt" "${FIXTURES}/post.txt\n\n${FIXTURES}/posts/plain-digest.md\n")
execute_process(COMMAND "${EXTRACT}" --files-from - INPUT_FILE "${WORK}/list.txt" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(REGEX MATCHALL "\"file\"" files "${out}")
list(LENGTH files nfiles)
expect("rc EQUAL 0 AND nfiles EQUAL 2" "--files-from -: ${nfiles} records")
execute_process(COMMAND "${EXTRACT}" --jobs 0 x RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
expect("rc EQUAL 2" "--jobs 0 is bad usage")
# 11. --warc: HTML responses become records with url and warc_record_id
set(page "<html><head><title>Rates hold steady</title></head><body><h1>Rates hold steady</h1><p>The central bank kept its policy rate unchanged on Tuesday, citing stable inflation and a resilient labour market, and signalled patience.</p><p>Analysts had expected the decision, and bond yields barely moved after the announcement in the afternoon.</p></body></html>")
set(block "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${page}")
string(LENGTH "${block}" blen)
set(info "software: cli test\r\n")
string(LENGTH "${info}" ilen)
file(WRITE "${WORK}/crawl.warc"
  "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:info>\r\nContent-Length: ${ilen}\r\n\r\n${info}\r\n\r\n"
  "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/rates\r\nWARC-Record-ID: <urn:uuid:r1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${blen}\r\n\r\n${block}\r\n\r\n")
execute_process(COMMAND "${EXTRACT}" --warc "${WORK}/crawl.warc" --stats
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
expect("rc EQUAL 0" "--warc exits 0: ${err}")
string(JSON wid GET "${out}" warc_record_id)
string(JSON wurl GET "${out}" url)
string(JSON wtitle GET "${out}" title)
expect("wid STREQUAL \"<urn:uuid:r1>\" AND wurl STREQUAL \"http://example.com/rates\" AND wtitle STREQUAL \"Rates hold steady\"" "--warc record: ${out}")
expect("err MATCHES \"2 WARC records, 1 HTML responses, 1 skipped, 0 failed\"" "--warc --stats: ${err}")
# 12. --fields keeps only the keys asked for; an unknown key is bad usage
execute_process(COMMAND "${EXTRACT}" --fields title,stock_codes --compact "${FIXTURES}/post.txt" OUTPUT_VARIABLE out)
string(JSON nkeys LENGTH "${out}")
string(JSON fsym GET "${out}" stock_codes 0 symbol)
expect("nkeys EQUAL 2 AND fsym STREQUAL \"OCFT.US\"" "--fields: ${out}")
execute_process(COMMAND "${EXTRACT}" --fields title,nope x RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
expect("rc EQUAL 2" "--fields with an unknown key exits 2")
# 13. --opt=value and the short forms -f and -j read like the long forms
execute_process(COMMAND "${EXTRACT}" --format jsonl --jobs 1 "${FIXTURES}" OUTPUT_VARIABLE long RESULT_VARIABLE rc)
execute_process(COMMAND "${EXTRACT}" --format=jsonl -j 2 "${FIXTURES}" OUTPUT_VARIABLE short RESULT_VARIABLE rc2)
string(REPLACE "\n" ";" l1 "${long}")
string(REPLACE "\n" ";" l2 "${short}")
list(SORT l1)
list(SORT l2)
expect("rc EQUAL 0 AND rc2 EQUAL 0 AND l1 STREQUAL l2" "--format=jsonl -j 2 gives the lines of --format jsonl --jobs 1")
execute_process(COMMAND "${EXTRACT}" -fjsonl --jobs=2 --ordered "${FIXTURES}" OUTPUT_VARIABLE attached)
expect("attached STREQUAL long" "-fjsonl --jobs=2 --ordered gives the one-job output")
execute_process(COMMAND "${EXTRACT}" --format text "${FIXTURES}/post.txt" OUTPUT_VARIABLE text_long)
execute_process(COMMAND "${EXTRACT}" -f text "${FIXTURES}/post.txt" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
expect("rc EQUAL 0 AND out MATCHES \"^金融壹账通\" AND out STREQUAL text_long" "-f text")
# 14. usage errors: exit 2 with "extract: MESSAGE" and the --help hint on stderr
execute_process(COMMAND "${EXTRACT}" --bogus "${FIXTURES}/post.txt" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
expect("rc EQUAL 2 AND err STREQUAL \"extract: unknown option '--bogus'\nTry 'extract --help'.\n\" AND out STREQUAL \"\"" "unknown option: ${err}")
execute_process(COMMAND "${EXTRACT}" --default-tz +99:00 x RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
expect("rc EQUAL 2 AND err MATCHES \"^extract: --default-tz: \"" "--default-tz +99:00: ${err}")
# --now: relative bylines read against it; a time that is none is bad usage
file(WRITE "${WORK}/relative.html" "<html><body><article><h1>Harbour traffic rises for a third month</h1><p>2 hours ago</p><p>Container volumes at the main harbour rose for a third month in a row as exporters shipped ahead of the holidays and freight rates eased from their peak, the authority said.</p></article></body></html>")
execute_process(COMMAND "${EXTRACT}" --now 2024-03-05T10:17:00+08:00 "${WORK}/relative.html" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
string(JSON d GET "${out}" date)
expect("rc EQUAL 0 AND d STREQUAL \"2024-03-05T08:17:00+08:00\"" "--now resolves '2 hours ago': ${d}")
execute_process(COMMAND "${EXTRACT}" "${WORK}/relative.html" OUTPUT_VARIABLE out)
string(JSON d GET "${out}" date)
expect("d STREQUAL \"NOTFOUND\" OR d STREQUAL \"null\" OR d STREQUAL \"\"" "no --now: no date, got ${d}")
execute_process(COMMAND "${EXTRACT}" --now yesterday x RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
expect("rc EQUAL 2 AND err MATCHES \"^extract: --now: \"" "--now yesterday: ${err}")
foreach(bad "--max-depth;-1" "--max-depth=-1" "--max-bytes;-5" "--jobs;-1" "-j;x" "--max-output;12abc")
  execute_process(COMMAND "${EXTRACT}" ${bad} x RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  expect("rc EQUAL 2 AND err MATCHES \"needs a number\"" "${bad}: rc=${rc} ${err}")
endforeach()
execute_process(COMMAND "${EXTRACT}" x --format RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
expect("rc EQUAL 2 AND err MATCHES \"^extract: --format needs a value\"" "missing value: ${err}")
foreach(bad "-1" "--stats=1")
  execute_process(COMMAND "${EXTRACT}" ${bad} x RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  expect("rc EQUAL 2 AND err MATCHES \"unknown option '${bad}'\"" "${bad}: rc=${rc} ${err}")
endforeach()
# ...while a value is taken whatever it looks like, and -- ends the options
execute_process(COMMAND "${EXTRACT}" --url -x -- "${FIXTURES}/post.txt" RESULT_VARIABLE rc OUTPUT_QUIET)
expect("rc EQUAL 0" "--url -x -- FILE")
# 15. --securities FILE: a company named without its code yields the code;
# a list that cannot be read is bad usage
file(WRITE "${WORK}/named.md" "---\ntitle: 季度财报\ndate: 2024-08-14\n---\n\n腾讯控股昨日公布第二季度业绩，游戏收入同比增长。\n")
execute_process(COMMAND "${EXTRACT}" --fields stock_codes --compact "${WORK}/named.md" OUTPUT_VARIABLE out)
set(no_codes "{\"stock_codes\":[]}\n")
expect("out STREQUAL no_codes" "no list, no code: ${out}")
execute_process(COMMAND "${EXTRACT}" --securities "${TEST_DATA}/securities.csv" --fields stock_codes --compact
  "${WORK}/named.md" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(JSON sym GET "${out}" stock_codes 0 symbol)
string(JSON nm GET "${out}" stock_codes 0 name)
expect("rc EQUAL 0 AND sym STREQUAL \"00700.HK\" AND nm STREQUAL \"腾讯控股\"" "--securities: ${out}")
execute_process(COMMAND "${EXTRACT}" --securities "${WORK}/no-such-list.csv" "${WORK}/named.md"
  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
expect("rc EQUAL 2 AND err MATCHES \"^extract: --securities: cannot read\"" "--securities missing: ${err}")
# 16. a file name that is not UTF-8 (GBK, common on Chinese crawls): the JSONL
# stays valid UTF-8 JSON, the byte written as U+FFFD
string(ASCII 208 194 206 197 gbk_name)  # 新闻 in GBK
file(MAKE_DIRECTORY "${WORK}/gbk")
file(COPY "${FIXTURES}/post.txt" DESTINATION "${WORK}/gbk")
file(WRITE "${WORK}/gbk/${gbk_name}.html" "<html><body><h1>A headline</h1><p>Some text of the story.</p></body></html>")
execute_process(COMMAND "${EXTRACT}" --format jsonl --fields title "${WORK}/gbk" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(REGEX REPLACE "\n$" "" out "${out}")
string(REPLACE "\n" ";" lines "${out}")
list(LENGTH lines n)
expect("rc EQUAL 0 AND n EQUAL 2" "GBK-named batch: rc=${rc}, ${n} lines")
list(GET lines 1 l1)  # sorted by bytes: post.txt, then the GBK name
string(JSON f0 ERROR_VARIABLE json_error GET "${l1}" file)
string(ASCII 239 191 189 replacement)  # U+FFFD in UTF-8
set(want_tail "/gbk/${replacement}${replacement}${replacement}${replacement}.html")
string(LENGTH "${want_tail}" tail_len)
string(LENGTH "${f0}" f0_len)
math(EXPR tail_at "${f0_len} - ${tail_len}")
string(SUBSTRING "${f0}" ${tail_at} -1 f0_tail)
expect("json_error STREQUAL NOTFOUND AND f0_tail STREQUAL want_tail" "GBK-named file is valid JSON with U+FFFD")
# 17. directories: what is no page or post is skipped (and counted), --glob
# chooses, and a directory with nothing to read is an error with a message
file(MAKE_DIRECTORY "${WORK}/crawl/.git" "${WORK}/crawl/img")
file(COPY "${FIXTURES}/post.txt" DESTINATION "${WORK}/crawl")
file(COPY "${FIXTURES}/pages/article-utf8.html" DESTINATION "${WORK}/crawl")
file(WRITE "${WORK}/crawl/.git/HEAD" "ref: refs/heads/main\n")
file(WRITE "${WORK}/crawl/robots.txt" "User-agent: *\nDisallow:\n")
file(WRITE "${WORK}/crawl/INDEX.tsv" "file\tsite\npost.txt\texample\n")
string(ASCII 137 80 78 71 13 10 26 10 png_magic)
file(WRITE "${WORK}/crawl/img/chart.dat" "${png_magic}not a page")
execute_process(COMMAND "${EXTRACT}" --stats --format jsonl --fields title "${WORK}/crawl"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX MATCHALL "\"file\"" records "${out}")
list(LENGTH records n)
expect("rc EQUAL 0 AND n EQUAL 2 AND err MATCHES \"2 documents, 0 failed, 3 skipped\"" "skipping: rc=${rc} n=${n} ${err}")
execute_process(COMMAND "${EXTRACT}" --glob "*.html" --format jsonl --fields title "${WORK}/crawl"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(REGEX MATCHALL "\"file\"" records "${out}")
list(LENGTH records n)
expect("rc EQUAL 0 AND n EQUAL 1 AND out MATCHES \"article-utf8.html\"" "--glob: ${out}")
file(MAKE_DIRECTORY "${WORK}/nothing")
execute_process(COMMAND "${EXTRACT}" "${WORK}/nothing" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
expect("rc EQUAL 1 AND err MATCHES \"no page or post to read\" AND out STREQUAL \"\"" "empty directory: rc=${rc} ${err}")
# 18. a device or standard input has no size to refuse it by: the read stops
# at the limit (extract /dev/zero would otherwise never end)
if(EXISTS /dev/zero)
  execute_process(COMMAND "${EXTRACT}" --max-bytes 1000 /dev/zero RESULT_VARIABLE rc ERROR_VARIABLE err
    OUTPUT_QUIET TIMEOUT 20)
  expect("rc EQUAL 1 AND err MATCHES \"more than 1000 bytes\"" "/dev/zero: rc=${rc} ${err}")
endif()
# 19. --format csv: a header, then one row per input, a failure as a row too
execute_process(COMMAND "${EXTRACT}" -f csv "${FIXTURES}/post.txt" "${WORK}/batch/empty.html"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(FIND "${out}" "file,url,title,date,date_modified,source,author,is_article,stock_codes,text,error" header_at)
string(FIND "${out}" "OCFT.US" code_at)
string(FIND "${out}" ",empty_input" failure_at)
expect("rc EQUAL 1 AND header_at EQUAL 0 AND code_at GREATER 0 AND failure_at GREATER 0" "csv: ${out}")
# 19b. crawl-scale edges: standard input read once; a failed input keeps its
# place in a JSON array; a FIFO in a folder is skipped, not opened; a folder
# that cannot be read is a failure with a message, and the walk goes on
execute_process(COMMAND "${EXTRACT}" -j 2 - - INPUT_FILE "${FIXTURES}/post.txt" RESULT_VARIABLE rc
  OUTPUT_QUIET ERROR_VARIABLE err)
expect("rc EQUAL 2 AND err MATCHES \"only once\"" "- - is bad usage: ${rc} ${err}")
execute_process(COMMAND "${EXTRACT}" --format json "${FIXTURES}/post.txt" "${WORK}/batch/empty.html"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
string(JSON n LENGTH "${out}")
string(JSON e1 GET "${out}" 1 error)
expect("rc EQUAL 1 AND n EQUAL 2 AND e1 STREQUAL \"empty_input\"" "json array keeps the failed input: ${out}")
file(MAKE_DIRECTORY "${WORK}/walk/locked" "${WORK}/walk/open")
file(COPY "${FIXTURES}/post.txt" DESTINATION "${WORK}/walk/open")
file(COPY "${FIXTURES}/post.txt" DESTINATION "${WORK}/walk/locked")
execute_process(COMMAND mkfifo "${WORK}/walk/open/pipe.html" RESULT_VARIABLE fifo_rc)
if(fifo_rc EQUAL 0)
  execute_process(COMMAND "${EXTRACT}" --stats "${WORK}/walk/open" RESULT_VARIABLE rc OUTPUT_QUIET
    ERROR_VARIABLE err TIMEOUT 20)
  expect("rc EQUAL 0 AND err MATCHES \"1 skipped\"" "a FIFO in a folder is skipped: ${rc} ${err}")
  file(REMOVE "${WORK}/walk/open/pipe.html")
endif()
file(CHMOD "${WORK}/walk/locked" PERMISSIONS OWNER_WRITE)
# root reads any folder: the check runs as nobody where it can
set(as_user)
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
find_program(SETPRIV setpriv)
if(uid STREQUAL "0" AND SETPRIV)
  set(as_user "${SETPRIV}" --reuid=65534 --regid=65534 --clear-groups)
  file(CHMOD "${WORK}" "${WORK}/walk" "${WORK}/walk/open" DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()
if(NOT uid STREQUAL "0" OR SETPRIV)
  execute_process(COMMAND ${as_user} "${EXTRACT}" "${WORK}/walk" RESULT_VARIABLE rc OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  expect("rc EQUAL 1 AND err MATCHES \"locked: Permission denied\" AND out MATCHES \"OCFT\"" "an unreadable folder: ${rc} ${err}")
endif()
file(CHMOD "${WORK}/walk/locked" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
# memory: a 16 MB page of <p>a</p> is refused by the node budget; with the
# budget lifted, under a 600 MB address-space cap (prlimit), it is an
# out_of_memory record and exit 1, never a signal, and the next input is read
string(REPEAT "<p>a</p>" 2097152 dense)
file(WRITE "${WORK}/mem/dense.html" "${dense}")
set(dense)
file(COPY "${FIXTURES}/post.txt" DESTINATION "${WORK}/mem")
execute_process(COMMAND "${EXTRACT}" --fields title "${WORK}/mem" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
expect("rc EQUAL 1 AND out MATCHES \"too_many_nodes\" AND out MATCHES \"OCFT\"" "node budget: ${rc} ${out}")
find_program(PRLIMIT prlimit)
if(PRLIMIT AND NOT SANITIZED)
  execute_process(COMMAND "${PRLIMIT}" --as=629145600 "${EXTRACT}" --max-nodes 100000000 --fields title "${WORK}/mem"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  expect("rc EQUAL 1 AND out MATCHES \"out_of_memory\" AND out MATCHES \"OCFT\"" "under prlimit: ${rc} ${out} ${err}")
endif()
execute_process(COMMAND "${EXTRACT}" --max-nodes -1 "${FIXTURES}/post.txt" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect("rc EQUAL 2" "a negative limit is bad usage")

# 20. -o DIR: one file per input under DIR, mirroring the input's path; nothing on stdout
execute_process(COMMAND "${EXTRACT}" -o "${WORK}/out" "${WORK}/crawl" WORKING_DIRECTORY "${WORK}"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
file(GLOB_RECURSE written RELATIVE "${WORK}/out" "${WORK}/out/*")
list(SORT written)
expect("rc EQUAL 0 AND out STREQUAL \"\" AND written STREQUAL \"${WORK}/crawl/article-utf8.json;${WORK}/crawl/post.json\" OR written MATCHES \"crawl/article-utf8.json;.*crawl/post.json\"" "-o: ${written}")
file(READ "${WORK}/out/${WORK}/crawl/post.json" one)
string(JSON title GET "${one}" title)
expect("title MATCHES \"^金融壹账通\"" "-o writes each article as its own JSON")
execute_process(COMMAND "${EXTRACT}" -f md --output-dir=${WORK}/md "${FIXTURES}/post.txt" RESULT_VARIABLE rc)
file(GLOB_RECURSE md RELATIVE "${WORK}/md" "${WORK}/md/*.md")
expect("rc EQUAL 0 AND md MATCHES \"post[.]md$\"" "--output-dir with markdown: ${md}")
# 21. --warc: http_status and fetch_date per record; a 404 is skipped and
# counted unless --keep-errors; - reads standard input
set(gone "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n${page}")
string(LENGTH "${gone}" glen)
file(WRITE "${WORK}/status.warc"
  "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/rates\r\nWARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:ok>\r\nContent-Length: ${blen}\r\n\r\n${block}\r\n\r\n"
  "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/gone\r\nWARC-Date: 2024-05-01T08:00:01Z\r\nWARC-Record-ID: <urn:uuid:gone>\r\nContent-Length: ${glen}\r\n\r\n${gone}\r\n\r\n")
execute_process(COMMAND "${EXTRACT}" --warc "${WORK}/status.warc" --stats --fields title
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(JSON status GET "${out}" http_status)
string(JSON fetched GET "${out}" fetch_date)
expect("rc EQUAL 0 AND status EQUAL 200 AND fetched STREQUAL \"2024-05-01T08:00:00Z\" AND err MATCHES \"2 WARC records, 1 HTML responses, 1 skipped\"" "--warc status: ${out} ${err}")
execute_process(COMMAND "${EXTRACT}" --warc - --keep-errors --fields title INPUT_FILE "${WORK}/status.warc"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(REGEX MATCHALL "http_status" kept "${out}")
list(LENGTH kept nkept)
expect("rc EQUAL 0 AND nkept EQUAL 2 AND out MATCHES \"404\"" "--warc - --keep-errors: ${out}")
message(STATUS "cli contract: all checks passed")
