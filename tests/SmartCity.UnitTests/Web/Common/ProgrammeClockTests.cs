using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Domain.Common;
using SmartCity.Testing;
using SmartCity.Web.Common;

namespace SmartCity.UnitTests.Web.Common;

public sealed class ProgrammeClockTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SmartCity.Web";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Settings(string? start) =>
        new ConfigurationBuilder().AddInMemoryCollection(start is null ? [] : [new(ProgrammeClock.TestStartSetting, start)]).Build();

    [Fact]
    public void Without_the_setting_it_is_the_system_clock()
    {
        var clock = ProgrammeClock.FromConfiguration(Settings(null), new Environment(Environments.Production));
        Assert.InRange(clock.GetUtcNow() - TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Production_refuses_to_start_with_a_moved_clock()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProgrammeClock.FromConfiguration(Settings("2027-01-31T16:30:00Z"), new Environment(Environments.Production)));
        Assert.Contains(ProgrammeClock.TestStartSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_instant_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => ProgrammeClock.FromConfiguration(Settings("akhir bulan"), new Environment(Environments.Development)));
    }

    [Fact]
    public void Outside_production_it_starts_at_the_setting_and_ticks_in_real_time()
    {
        var clock = ProgrammeClock.FromConfiguration(Settings("2028-02-29T03:00:00Z"), new Environment(Environments.Development));
        var first = clock.GetUtcNow();
        Assert.InRange(first, new DateTimeOffset(2028, 2, 29, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 2, 29, 3, 1, 0, TimeSpan.Zero));
        Thread.Sleep(20);
        Assert.True(clock.GetUtcNow() > first, "the clock does not tick");
        Assert.Equal(new DateOnly(2028, 2, 29), clock.Today(IndonesianTimeZone.Wib));
    }

    [Fact]
    public void Today_is_the_date_in_the_regencys_zone()
    {
        var source = new FakeTimeProvider(new DateTimeOffset(2027, 1, 31, 16, 30, 0, TimeSpan.Zero)); // 23:30 WIB
        var clock = new ProgrammeClock(source);
        Assert.Equal(new DateOnly(2027, 1, 31), clock.Today(IndonesianTimeZone.Wib));
        Assert.Equal(new DateOnly(2027, 2, 1), clock.Today(IndonesianTimeZone.Wita));
        Assert.Equal(new DateOnly(2027, 2, 1), clock.Today(IndonesianTimeZone.Wit));
        source.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(new DateOnly(2027, 2, 1), clock.Today(IndonesianTimeZone.Wib));
    }

    [Fact]
    public void A_pin_freezes_the_clock_until_it_is_disposed()
    {
        var clock = TestNow.NewClock();
        var instant = new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.FromHours(7));
        using (clock.Pin(instant))
        {
            Assert.Equal(instant.ToUniversalTime(), clock.GetUtcNow());
            Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        }

        Assert.InRange(clock.GetUtcNow(), TestNow.Start, TestNow.Start.AddHours(1));
    }
}
