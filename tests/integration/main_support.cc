/** @file main_support.cc
 *  @brief main() of integration_tests: GoogleTest plus an environment that
 *  stops the shared fixture server before the process exits.
 */
#include "server_support.h"

#include <gtest/gtest.h>

namespace {

/// The shared server is started lazily by the first test that needs it;
/// stopping it here (not in a static destructor) lets searchd's exit be
/// checked while GoogleTest can still report it.
class FixtureLibraryEnvironment : public ::testing::Environment {
public:
    void TearDown() override { stmt_it::stop_fixture_library(); }
};

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new FixtureLibraryEnvironment);  // GoogleTest owns it
    return RUN_ALL_TESTS();
}
