// Tests share no state (each starts its own server on its own port), so they run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
