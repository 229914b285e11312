# Proves on every shared page that the pre-scan leaves the article JSON as it
# is: extract with and without it, compare byte for byte. Skipped when the
# shared corpora are not beside the project: CTest reads the line below
# (SKIP_REGULAR_EXPRESSION), since cmake_language(EXIT) needs CMake 3.29.
if(NOT IS_DIRECTORY "${SHARED}/corpus")
  message("newsx-skip: no shared corpora at ${SHARED}")
  return()
endif()
# the AEB pages are .html.gz: extract inflates them
set(inputs "${SHARED}/corpus" "${SHARED}/bench/magic-html/htmls"
  "${SHARED}/bench/article-extraction-benchmark/html")
execute_process(COMMAND "${EXTRACT}" --format jsonl --no-sentences ${inputs}
  OUTPUT_FILE "${WORK}/with.jsonl" ERROR_QUIET)
execute_process(COMMAND "${EXTRACT}" --format jsonl --no-sentences --no-prescan ${inputs}
  OUTPUT_FILE "${WORK}/without.jsonl" ERROR_QUIET)
file(READ "${WORK}/with.jsonl" with)
file(READ "${WORK}/without.jsonl" without)
string(LENGTH "${with}" n)
if(n LESS 100000)
  message(FATAL_ERROR "prescan: too little output (${n} bytes)")
endif()
if(NOT with STREQUAL without)
  message(FATAL_ERROR "prescan: article JSON differs with and without the pre-scan; diff ${WORK}/with.jsonl ${WORK}/without.jsonl")
endif()
string(REGEX MATCHALL "\n" lines "${with}")
list(LENGTH lines count)
message("prescan: ${count} shared documents give identical JSON with and without the pre-scan")
