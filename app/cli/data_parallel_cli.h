#pragma once
// The command line's side of data-parallel runs (docs/scaling-out.md): `--nproc-per-node N`
// starts N local processes of the same command; a process started by torchrun (or by that
// launcher) joins the group its environment describes.
#include <QCommandLineOption>
#include <QStringList>
#include <memory>
#include <string>

namespace glowscope {
class DataParallelGroup;
}

namespace glowscope::cli {

QCommandLineOption processesOption();  ///< --nproc-per-node N
QCommandLineOption deviceOption();     ///< --device cpu|cuda|cuda:N

/// Whether this process runs under a launcher (RANK or WORLD_SIZE set).
bool launchedAsRank();
/// Whether this process is a rank other than 0 (which only trains with rank 0).
bool secondaryRank();

/// Joins the group described by torchrun's variables (null when they are not set); the
/// collective deadline is GLOWSCOPE_COLLECTIVE_TIMEOUT_S (default 300 s). Ranks other than 0
/// log warnings and errors only.
std::shared_ptr<DataParallelGroup> joinGroupFromEnvironment(const std::string& device);

/// Runs `arguments` (the command and its options, as the command received them) as `processes`
/// local processes of this program, `--threads` split between them, and waits for them; Ctrl-C
/// is forwarded. Returns the exit code: 0, or the first failure's.
int runLocalGroup(int processes, int totalThreads, const QStringList& arguments);

}  // namespace glowscope::cli
