using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCity.Web.Features.Evidence;

namespace SmartCity.UnitTests.Web.Evidence;

/// <summary>The scan hook against real shell commands (no scanner engine is needed to prove the contract).</summary>
public sealed class EvidenceVirusScannerTests
{
    private const string ExitOneOnEicar = "if grep -aq EICAR; then exit 1; else exit 0; fi";

    private static EvidenceVirusScanner Scanner(string? command, int? timeoutSeconds = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EvidenceVirusScanner.CommandKey] = command,
            [EvidenceVirusScanner.TimeoutKey] = timeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build(),
        NullLogger<EvidenceVirusScanner>.Instance);

    [Fact]
    public async Task Without_a_command_scanning_is_off()
    {
        Assert.Equal(ScanVerdict.NotConfigured, await Scanner(null).ScanAsync("%PDF-1.7"u8.ToArray(), "a.pdf"));
    }

    [Fact]
    public async Task The_bytes_reach_the_command_and_its_exit_code_decides()
    {
        var scanner = Scanner(ExitOneOnEicar);

        Assert.Equal(ScanVerdict.Clean, await scanner.ScanAsync("%PDF-1.7 clean"u8.ToArray(), "a.pdf"));
        Assert.Equal(ScanVerdict.Infected, await scanner.ScanAsync("%PDF-1.7 X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE"u8.ToArray(), "b.pdf"));
    }

    [Fact]
    public async Task A_large_file_is_piped_whole_even_when_the_scanner_stops_reading_early()
    {
        var big = new byte[4 * 1024 * 1024];
        "EICAR"u8.CopyTo(big);

        Assert.Equal(ScanVerdict.Infected, await Scanner(ExitOneOnEicar).ScanAsync(big, "big.pdf"));
        Assert.Equal(ScanVerdict.Clean, await Scanner("wc -c > /dev/null").ScanAsync(big, "big.pdf"));
    }

    [Theory]
    [InlineData("exit 2")]
    [InlineData("/nonexistent/scanner")]
    public async Task Any_other_exit_code_is_a_failed_scan(string command)
    {
        Assert.Equal(ScanVerdict.Failed, await Scanner(command).ScanAsync("%PDF-1.7"u8.ToArray(), "a.pdf"));
    }

    [Fact]
    public async Task A_scanner_that_does_not_answer_in_time_fails()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal(ScanVerdict.Failed, await Scanner("sleep 30", timeoutSeconds: 1).ScanAsync("%PDF-1.7"u8.ToArray(), "a.pdf"));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), "the scan was not stopped at its timeout");
    }
}
