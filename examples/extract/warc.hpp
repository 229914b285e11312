// extract --warc: every HTML response of the archives, one record at a time.
#pragma once

#include "arguments.hpp"

namespace extract {

/// Extracts the archives in s.warcs as JSONL; returns the exit status.
[[nodiscard]] int run_warc(const settings& s);

}  // namespace extract
