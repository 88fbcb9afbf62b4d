/** @file handle_pool_test.cc
 *  @brief After a peak of concurrent requests, the database handles opened
 *  for it are closed again: descriptors come back to what steady traffic
 *  needs instead of staying at the peak's count.
 */
#include "server_support.h"

#include "stmtlib/library_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace stmt_it {
namespace {

std::size_t open_descriptors() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

TEST(IntegrationHandlePool, HandlesOfAPeakAreClosedAfterIt) {
    auto reader = stmt::LibraryReader::open(fixture_library().db(), std::chrono::milliseconds(0));
    ASSERT_TRUE(reader) << reader.error().message;
    const auto snapshot = (*reader)->current();
    { const stmt::Lease warm(snapshot); }
    const std::size_t before = open_descriptors();

    constexpr std::size_t PEAK = 3 * stmt::Snapshot::MAX_IDLE_HANDLES;
    std::vector<std::unique_ptr<stmt::Lease>> peak;
    for (std::size_t i = 0; i < PEAK; ++i) {
        peak.push_back(std::make_unique<stmt::Lease>(snapshot));
        peak.back()->db().get_doccount();  // the handle is open and usable
    }
    const std::size_t during = open_descriptors();
    ASSERT_GT(during, before + PEAK) << "each handle holds at least one descriptor";
    const double per_handle = static_cast<double>(during - before) / static_cast<double>(PEAK - 1);

    peak.clear();
    const std::size_t after = open_descriptors();
    EXPECT_LE(static_cast<double>(after), static_cast<double>(before) + per_handle * stmt::Snapshot::MAX_IDLE_HANDLES + 1)
        << "before " << before << ", during the peak " << during << ", after " << after;
    EXPECT_LT(after, during);
}

}  // namespace
}  // namespace stmt_it
