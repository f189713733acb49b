// Runs open a real project and start sandbox workers: classes run in parallel, each class's methods one after another.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
