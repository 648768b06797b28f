namespace ParServerless.DevHost.Handler;

/// <summary>How to start the custom handler process.</summary>
/// <param name="FileName">The executable; a <c>.dll</c> runs through <c>dotnet</c>.</param>
/// <param name="AppRootPath">The script root, passed as <c>FUNCTIONS_APP_ROOT_PATH</c>.</param>
/// <param name="Settings">App settings given to the stand-in, added to the inherited environment.</param>
internal sealed record HandlerLaunch(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    string AppRootPath,
    IReadOnlyDictionary<string, string> Settings,
    TimeSpan ReadinessTimeout);
