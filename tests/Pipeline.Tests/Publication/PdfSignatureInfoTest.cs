using System.Text;
using ParServerless.Pipeline.Publication;

namespace ParServerless.Pipeline.Tests.Publication;

public sealed class PdfSignatureInfoTest
{
    /// <summary>A PDF with a signature dictionary appended as an incremental update, as signing tools write it.</summary>
    internal static byte[] Signed(string nameEntry, string timeEntry = "/M (D:20220106090512+07'00')") => Encoding.Latin1.GetBytes(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n" +
        $"9 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 120 220 40] {nameEntry} {timeEntry} /Contents <3082> >>\nendobj\n%%EOF\n");

    [Fact]
    public void Read_LiteralName_GivesTheDeclaredSignerAndTime()
    {
        var info = PdfSignatureInfo.Read(Signed("/Name (Nguyen Van A)"));
        Assert.True(info.HasSignature);
        Assert.Equal("Nguyen Van A", info.DeclaredSigner);
        Assert.Equal(new DateTimeOffset(2022, 1, 6, 9, 5, 12, TimeSpan.FromHours(7)), info.DeclaredSigningTime);
    }

    [Fact]
    public void Read_Utf16HexName_KeepsVietnamese()
    {
        var hex = "FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("Nguyễn Văn Phương"));
        Assert.Equal("Nguyễn Văn Phương", PdfSignatureInfo.Read(Signed($"/Name <{hex}>")).DeclaredSigner);
    }

    [Fact]
    public void Read_ModDateIsNotTheSigningTime()
    {
        var info = PdfSignatureInfo.Read(Signed("/Name (A)", "/ModDate (D:19990101000000Z)"));
        Assert.Null(info.DeclaredSigningTime);
    }

    [Fact]
    public void Read_AScanWithoutSignature_HasNone()
    {
        var scan = Encoding.Latin1.GetBytes("%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image >> endobj\n%%EOF\n");
        Assert.Equal(PdfSignatureInfo.None, PdfSignatureInfo.Read(scan));
    }

    [Theory]
    [InlineData("D:20220106090512Z", 0)]        // UTC
    [InlineData("D:20220106090512-05'30'", -330)] // negative offset with minutes
    public void ParseDate_Offsets(string text, int offsetMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), PdfSignatureInfo.ParseDate(text)!.Value.Offset);
}
