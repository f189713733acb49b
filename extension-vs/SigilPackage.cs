using System;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.VisualStudio.Shell;
using Sigil.VisualStudio.Commands;
using Task = System.Threading.Tasks.Task;

namespace Sigil.VisualStudio;

/// <summary>Loads in the background, registers Tools › Sigil and Tools › Options › Sigil. The server does the rest.</summary>
[PackageRegistration(UseManagedResourcesOnly = true, AllowsBackgroundLoading = true)]
[Guid("9b1f5e2c-4a7d-4c3e-8f60-1d2e3a4b5c6d")]
[ProvideMenuResource("Menus.ctmenu", 1)]
[ProvideOptionPage(typeof(SigilOptions), "Sigil", "General", 0, 0, true)]
[ProvideAutoLoad(Microsoft.VisualStudio.Shell.Interop.UIContextGuids80.SolutionExists, PackageAutoLoadFlags.BackgroundLoad)]
public sealed class SigilPackage : AsyncPackage
{
    protected override async Task InitializeAsync(CancellationToken cancellationToken, IProgress<ServiceProgressData> progress)
    {
        await JoinableTaskFactory.SwitchToMainThreadAsync(cancellationToken);
        SigilOptions.Current = (SigilOptions)GetDialogPage(typeof(SigilOptions));
        await SigilCommands.RegisterAsync(this);
    }
}
