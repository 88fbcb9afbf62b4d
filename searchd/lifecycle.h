/** @file lifecycle.h
 *  @brief searchd's signals: SIGINT and SIGTERM stop it gracefully (no new
 *  connections, requests in flight finish, exit within a grace period);
 *  SIGHUP makes it look for a new database generation at once.
 */
#pragma once

#include "stmtlib/library_reader.h"

#include <httplib.h>

#include <chrono>

namespace searchd {

/// Blocks the signals in the calling thread and every thread it starts
/// later, so that only serve()'s signal thread receives them (with
/// sigwait(), never inside a signal handler). Call before any thread starts.
void block_signals();

/// Listens (the server is already bound) until SIGINT or SIGTERM; returns
/// whether listening ended cleanly. Connections still open `grace` after
/// the signal are abandoned: the process exits 0 at once.
bool serve(httplib::Server& server, stmt::LibraryReader& reader, std::chrono::seconds grace);

}  // namespace searchd
