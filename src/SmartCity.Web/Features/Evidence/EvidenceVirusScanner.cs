using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace SmartCity.Web.Features.Evidence;

/// <summary>The verdict of <see cref="EvidenceVirusScanner"/>.</summary>
public enum ScanVerdict
{
    /// <summary>The scanner found nothing (exit code 0).</summary>
    Clean,

    /// <summary>The scanner found a threat (exit code 1).</summary>
    Infected,

    /// <summary>Any other exit code, a timeout or a command that could not start: the file is refused.</summary>
    Failed,

    /// <summary>No <c>Evidence:ScanCommand</c> is configured.</summary>
    NotConfigured,
}

/// <summary>
/// The virus-scan hook. When <c>Evidence:ScanCommand</c> is set (e.g. <c>clamdscan --no-summary -</c>), the file's bytes are
/// piped to that shell command's standard input before anything is saved: exit 0 is clean, exit 1 infected, anything else
/// (or no answer within <c>Evidence:ScanTimeoutSeconds</c>, default 60) a failed scan. Unset: scanning is off, logged once.
/// </summary>
public sealed class EvidenceVirusScanner(IConfiguration configuration, ILogger<EvidenceVirusScanner> logger)
{
    public const string CommandKey = "Evidence:ScanCommand";
    public const string TimeoutKey = "Evidence:ScanTimeoutSeconds";

    private int _offLogged;

    public async Task<ScanVerdict> ScanAsync(byte[] content, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var command = configuration[CommandKey];
        if (string.IsNullOrWhiteSpace(command))
        {
            if (Interlocked.Exchange(ref _offLogged, 1) == 0)
            {
                logger.LogWarning("Virus scanning of evidence files is off: {Key} is not configured", CommandKey);
            }

            return ScanVerdict.NotConfigured;
        }

        var timeout = TimeSpan.FromSeconds(
            int.TryParse(configuration[TimeoutKey], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 60);
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            logger.LogError(e, "Virus scan of {FileName} could not start {Command}", fileName, command);
            return ScanVerdict.Failed;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(timer.Token);
        var errors = process.StandardError.ReadToEndAsync(timer.Token);
        try
        {
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(content, timer.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The scanner stopped reading early (it may already know its verdict): its exit code decides.
            }

            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process);
            logger.LogError("Virus scan of {FileName} gave no answer within {Seconds} s; the file is refused", fileName, timeout.TotalSeconds);
            return ScanVerdict.Failed;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        var report = Trim(await Quietly(output) + " " + await Quietly(errors));
        switch (process.ExitCode)
        {
            case 0:
                return ScanVerdict.Clean;
            case 1:
                logger.LogWarning("Virus scan refused {FileName}: {Report}", fileName, report);
                return ScanVerdict.Infected;
            default:
                logger.LogError("Virus scan of {FileName} failed with exit code {ExitCode}: {Report}", fileName, process.ExitCode, report);
                return ScanVerdict.Failed;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<string> Quietly(Task<string> read)
    {
        try
        {
            return await read;
        }
        catch (OperationCanceledException)
        {
            return "";
        }
    }

    private static string Trim(string text)
    {
        text = text.Trim().ReplaceLineEndings(" ");
        return text.Length <= 500 ? text : text[..500];
    }
}
