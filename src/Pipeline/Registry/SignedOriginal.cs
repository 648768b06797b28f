namespace ParServerless.Pipeline.Registry;

/// <summary>
/// The signed original of a published Decision (bản gốc đã ký): the PDF the province signed outside the system (a digital
/// signature, or a scan of the paper original), uploaded by Sở Nội vụ. Once it exists, it is <i>the</i> Decision the public
/// routes serve; the generated document stays available as its machine-readable twin.
/// </summary>
/// <param name="DeclaredSigner">The signer a digital signature declares; not verified (the certificate chain is not checked).</param>
/// <param name="DeclaredSigningTime">The signing time a digital signature declares; not verified.</param>
public sealed record SignedOriginal(
    string Sha256, long Size, DateTimeOffset UploadedAt, string UploadedBy, bool HasDigitalSignature, string? DeclaredSigner,
    DateTimeOffset? DeclaredSigningTime);
