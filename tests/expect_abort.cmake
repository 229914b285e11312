# Runs PROGRAM ARG and requires it to end abnormally (abort, or a non-zero
# exit) with EXPECT, a literal string, on stderr:
#   cmake -DPROGRAM=... -DARG=... -DEXPECT=... -P expect_abort.cmake
# (Not WILL_FAIL: CTest counts a process killed by a signal as failed whatever
# WILL_FAIL says, and WILL_FAIL on an exit code cannot also check a message.)
foreach(v PROGRAM EXPECT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "expect_abort.cmake: ${v} is not set")
  endif()
endforeach()
execute_process(COMMAND ${PROGRAM} ${ARG} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc STREQUAL "0")
  message(FATAL_ERROR "${PROGRAM} ${ARG} returned normally; expected an abort.\nstdout: ${out}\nstderr: ${err}")
endif()
string(FIND "${err}" "${EXPECT}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${PROGRAM} ${ARG} failed (${rc}) without the message\n  ${EXPECT}\nstderr: ${err}")
endif()
message(STATUS "newsx-abort-ok: ${PROGRAM} ${ARG}: ${rc}")
