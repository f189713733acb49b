[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

// Process and file-mode tests; CI runs on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
