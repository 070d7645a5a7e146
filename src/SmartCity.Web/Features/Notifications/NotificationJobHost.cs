namespace SmartCity.Web.Features.Notifications;

/// <summary>
/// Runs <see cref="NotificationJobService.RunAsync"/> every <c>Notifications:JobIntervalMinutes</c> minutes (0 or missing: off, as in
/// tests, which call the job directly). Several app instances may run it: the job's claims make each period notify once.
/// </summary>
public sealed class NotificationJobHost(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider timeProvider /* system clock: timers */, ILogger<NotificationJobHost> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Notifications:JobIntervalMinutes", 0);
        if (minutes <= 0)
        {
            logger.LogInformation("Scheduled notifications are off (Notifications:JobIntervalMinutes is 0)");
            return;
        }

        // The first run waits a little, so start-up (and its health check) does not wait for it.
        await Task.Delay(TimeSpan.FromSeconds(30), timeProvider, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), timeProvider);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationJobService>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again: an unfinished period stays unclaimed (its claim rolled back with the run).
                logger.LogError(e, "Scheduled notifications failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
