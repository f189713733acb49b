// Every test works in its own temporary directory, so tests can run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
