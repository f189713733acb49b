// Tests share no state (git checks use their own temporary folders), so they run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
