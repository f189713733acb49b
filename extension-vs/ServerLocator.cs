using System;
using System.IO;

namespace Sigil.VisualStudio;

/// <summary>Where sigil-lsp is: the configured path, else the copy shipped inside the .vsix.</summary>
internal static class ServerLocator
{
    public static string Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured!
                : throw new FileNotFoundException($"Tools › Options › Sigil › Server path names '{configured}', which does not exist. Point it at sigil-lsp.dll (dotnet publish server/Sigil.LanguageServer) or clear it to use the bundled server.");
        }
        var bundled = Path.Combine(Path.GetDirectoryName(typeof(ServerLocator).Assembly.Location)!, "server", "sigil-lsp.dll");
        return File.Exists(bundled)
            ? bundled
            : throw new FileNotFoundException($"The Sigil language server is not bundled at '{bundled}'. Set Tools › Options › Sigil › Server path to a sigil-lsp.dll.");
    }
}
