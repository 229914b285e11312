// extract's --jobs worker pool. Documents flow through a bounded pipeline:
// the main thread feeds paths to the workers (each with its own
// newsx::extractor) and writes results as they finish, or in input order;
// at most 4 x jobs documents are in flight, so memory does not grow with the
// number of inputs.
#pragma once

#include <cstddef>

#include "arguments.hpp"
#include "inputs.hpp"

namespace extract {

/// Extracts every input and writes the results; returns the exit status.
/// expand_failures: inputs already lost while expanding directories.
[[nodiscard]] int run_pool(const settings& s, input_source& inputs, bool several,
                           std::size_t expand_failures, std::size_t skipped = 0);

}  // namespace extract
