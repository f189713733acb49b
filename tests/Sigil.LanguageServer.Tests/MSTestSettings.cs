// Each test class drives its own server processes; classes run two at a time (2 cores), tests in a class in order.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]

// Process and file-mode tests; CI runs on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
