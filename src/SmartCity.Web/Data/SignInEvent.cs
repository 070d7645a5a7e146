namespace SmartCity.Web.Data;

/// <summary>One sign-in attempt of a known user, so each user can see their last sign-ins.</summary>
public class SignInEvent
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public bool Succeeded { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
