namespace SmartCity.Domain.Notifications;

/// <summary>What a notification tells; its text is the resource <c>Notification.{Kind}</c> with the subject as {0}.</summary>
public enum NotificationKind
{
    ReportDue,
    ReportReturned,
    MasterplanComment,
    MasterplanState,
    RoundState,
    AssignmentReceived,
    ResultsPublished,
}

/// <summary>
/// One in-app notification for one user (the bell). <see cref="DedupKey"/> makes an event notify a user once: the pair
/// (user, key) is unique in the database, so a job running on several app instances, or an event raised twice, inserts one row.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>What the notification is about, shown as is (a quick win's name, a masterplan's title, a round's name).</summary>
    public required string Subject { get; set; }

    /// <summary>A second detail where the kind's text has one (a reporting period, a new state), shown as is.</summary>
    public string? Detail { get; set; }

    /// <summary>Local link to the page concerned, e.g. <c>/quick-wins/12</c>.</summary>
    public required string Url { get; set; }

    public int? RegencyId { get; set; }
    public required string DedupKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// A scheduled job's claim of one period (e.g. "report-due" for "2026-11"): the primary key (job, period) lets exactly one app
/// instance run the job for a period, however many instances wake up.
/// </summary>
public class JobRun
{
    public required string Job { get; set; }
    public required string Period { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Instance { get; set; }
    public int Created { get; set; }
}
