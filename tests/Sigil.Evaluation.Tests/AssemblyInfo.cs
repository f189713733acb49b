// Each test class opens its own session ([ClassInitialize]) and runs its methods one after another, so timings are
// not disturbed by other tests of the class; the classes themselves run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
