using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Sandbox;
using Sigil.Runs.Generators;
using Sigil.Tracking.Query;
using Sigil.Workspace.Store;

namespace Sigil.Runs;

/// <summary>What every pin of a run shares: the open project, the baseline, the workspace, the log, generators and sandbox.</summary>
internal sealed record RunEnvironment(
    RunRequest Request,
    ProjectSession Session,
    CandidateCompiler Compiler,
    MethodOnlyCompiler? MethodOnly,
    CompiledCandidate Baseline,
    string AppDirectory,
    IWorkspaceStore Store,
    SampleLog Log,
    GeneratorSet Generators,
    WorkerPool Pool,
    TimeProvider Time,
    IProgress<RunProgress>? Progress);
