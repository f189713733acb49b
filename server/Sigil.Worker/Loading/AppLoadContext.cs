using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace Sigil.Worker.Loading;

/// <summary>
/// One image of the user's app (the baseline, or a candidate) in its own load context, its dependencies resolved from the
/// app's build output (its deps.json through <see cref="AssemblyDependencyResolver"/>, else by probing the directory) and
/// loaded into this context too; the framework comes from the default context (any assembly on the trusted platform list).
/// </summary>
internal sealed class AppLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> Framework = FrameworkNames();

    private readonly string _appDirectory;
    private readonly string _mainName;
    private readonly AssemblyDependencyResolver? _resolver;
    private readonly AppLoadContext? _shared;
    private Assembly? _main;

    private AppLoadContext(string name, string appDirectory, string mainName, bool isCollectible, AppLoadContext? shared)
        : base(name, isCollectible)
    {
        _appDirectory = appDirectory;
        _mainName = mainName;
        _shared = shared;
        // The runtime holds a collectible context strongly until its assemblies are collected, so a context that keeps a
        // reference to its own assembly never unloads (measured: every candidate stayed loaded). Forget it on Unload.
        Unloading += static context => ((AppLoadContext)context)._main = null;
        var mainPath = Path.Combine(appDirectory, mainName + ".dll");
        if (File.Exists(mainPath))
        {
            try
            {
                _resolver = new AssemblyDependencyResolver(mainPath);
            }
            catch (InvalidOperationException)
            {
                _resolver = null; // no usable deps.json: probe the directory
            }
        }
    }

    /// <summary>The loaded image.</summary>
    public Assembly AppAssembly => _main ?? throw new InvalidOperationException("Nothing is loaded yet.");

    /// <summary>
    /// Loads <paramref name="image"/> into a new context for <paramref name="appDirectory"/>. With <paramref name="shared"/>,
    /// every assembly but the image itself comes from that context (a method-only candidate beside the baseline app).
    /// </summary>
    /// <exception cref="LoadFailedException">The image is not a loadable .NET assembly.</exception>
    public static AppLoadContext Load(string contextName, string appDirectory, byte[] image, byte[]? pdb, bool isCollectible, AppLoadContext? shared = null)
    {
        var mainName = SimpleName(image);
        var context = new AppLoadContext(contextName, appDirectory, mainName, isCollectible, shared);
        try
        {
            using var imageStream = new MemoryStream(image, writable: false);
            using var pdbStream = pdb is { Length: > 0 } ? new MemoryStream(pdb, writable: false) : null;
            context._main = context.LoadFromStream(imageStream, pdbStream);
            return context;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            if (isCollectible) context.Unload();
            throw new LoadFailedException($"The assembly '{mainName}' does not load: {e.Message}", e);
        }
    }

    /// <summary>The image's assembly simple name, read from its metadata.</summary>
    /// <exception cref="LoadFailedException">The image has no .NET metadata.</exception>
    public static string SimpleName(byte[] image)
    {
        try
        {
            using var pe = new PEReader(new MemoryStream(image, writable: false));
            var reader = pe.GetMetadataReader();
            return reader.GetString(reader.GetAssemblyDefinition().Name);
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            throw new LoadFailedException("The image is not a .NET assembly: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name) return null;
        if (string.Equals(name, _mainName, StringComparison.OrdinalIgnoreCase)) return _main;
        if (Framework.Contains(name)) return null;
        if (_shared is not null) return _shared.LoadFromAssemblyName(assemblyName);
        if (_resolver?.ResolveAssemblyToPath(assemblyName) is { } resolved) return LoadFromAssemblyPath(resolved);
        var probed = Path.Combine(_appDirectory, name + ".dll");
        if (File.Exists(probed)) return LoadFromAssemblyPath(probed);
        return SharedFrameworks.Value.Select(directory => Path.Combine(directory, name + ".dll")).FirstOrDefault(File.Exists) is { } shared
            ? LoadFromAssemblyPath(shared)
            : null;
    }

    /// <summary>
    /// The other shared frameworks next to the running one (Microsoft.AspNetCore.App, …), same version where there is
    /// one, else the newest: an app built on them finds them here, since the worker itself only runs on Microsoft.NETCore.App.
    /// </summary>
    private static readonly Lazy<string[]> SharedFrameworks = new(() =>
    {
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        if (runtime.Parent?.Parent is not { Exists: true } shared) return [];
        return [.. shared.EnumerateDirectories()
            .Where(framework => framework.Name != runtime.Parent.Name)
            .Select(framework => framework.EnumerateDirectories().FirstOrDefault(version => version.Name == runtime.Name)
                ?? framework.EnumerateDirectories().MaxBy(version => Version.TryParse(version.Name.Split('-')[0], out var v) ? v : new Version()))
            .Where(version => version is not null)
            .Select(version => version!.FullName)];
    });

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static HashSet<string> FrameworkNames()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return new HashSet<string>(
            list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(Path.GetFileNameWithoutExtension)
                .Where(name => name is not null && !name.Equals("Sigil.Worker", StringComparison.OrdinalIgnoreCase))!,
            StringComparer.OrdinalIgnoreCase);
    }
}
