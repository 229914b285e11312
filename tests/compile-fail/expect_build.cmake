# Builds one target of the build tree and checks how that went:
#   cmake -DBUILD_DIR=... -DTARGET=... -DCONFIG=... -DEXPECT=success|deleted
#         -P expect_build.cmake
# EXPECT=success: the build must succeed.
# EXPECT=deleted: the build must fail, and every compiler error must be the
# use of a deleted sentences() overload - a typo or a missing header fails
# the test instead of passing it.
foreach(v BUILD_DIR TARGET EXPECT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "expect_build.cmake: ${v} is not set")
  endif()
endforeach()
set(config_args)
if(CONFIG)
  set(config_args --config ${CONFIG})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET} ${config_args}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)

if(EXPECT STREQUAL "success")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${TARGET} should compile but did not (${rc}):\n${out}")
  endif()
  message(STATUS "newsx-compile-ok: ${TARGET}")
  return()
endif()

if(NOT EXPECT STREQUAL "deleted")
  message(FATAL_ERROR "expect_build.cmake: EXPECT must be success or deleted, not '${EXPECT}'")
endif()
if(rc EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled, but it calls a deleted function:\n${out}")
endif()
# gcc: "error: use of deleted function '... newsx::extractor::sentences(String&&) ...'"
# clang: "error: call to deleted member function 'sentences'"
set(deleted_re "(use of deleted function|call to deleted member function|attempt to use a deleted function)[^\n]*sentences")
# (gcc's "[with String = ...; ...]" has semicolons: no list separators here)
string(REPLACE ";" "," flat "${out}")
string(REGEX MATCHALL "[^\n]*error:[^\n]*" errors "${flat}")
list(LENGTH errors n_errors)
if(n_errors EQUAL 0)
  message(FATAL_ERROR "${TARGET} failed to build without a compiler error (${rc}):\n${out}")
endif()
foreach(e IN LISTS errors)
  if(NOT e MATCHES "${deleted_re}")
    message(FATAL_ERROR "${TARGET} failed for another reason than the deleted sentences():\n${e}\n\n${out}")
  endif()
endforeach()
message(STATUS "newsx-compile-fail-ok: ${TARGET}: ${n_errors} error(s), all the deleted sentences()")
