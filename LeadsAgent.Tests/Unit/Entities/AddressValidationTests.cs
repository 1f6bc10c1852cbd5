using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using static LeadsAgent.Tests.Unit.Entities.EntityTestData;

namespace LeadsAgent.Tests.Unit.Entities;

/// <summary>
/// Answers to "what's the address?" as callers type them and as speech recognition writes them down: a street with a
/// number or a postcode is kept, the job is refused with a re-ask that says what is needed, anything else that could
/// be a place is read back for the caller to confirm.
/// </summary>
public class AddressValidationTests
{
    [Theory]
    [InlineData("42 Oak Street, Springfield IL 62704", "42 Oak Street, Springfield IL 62704")]
    [InlineData("yes it's 42 Oak Street, thanks", "42 Oak Street")]
    [InlineData("uh 1200 n main st apt 4", "1200 n main st apt 4")]
    [InlineData("its 17 old mill rd", "17 old mill rd")]
    [InlineData("forty two oak street", "42 oak street")]
    [InlineData("one two three main street", "123 main street")]
    [InlineData("twelve hundred north main street", "1200 north main street")]
    [InlineData("nineteen oh five elm st", "1905 elm st")]
    [InlineData("oh sorry, 42 Oak Street, Springfield", "42 Oak Street, Springfield")]
    [InlineData("350 5th Ave", "350 5th Ave")]
    [InlineData("42 Oakstreet springfield", "42 Oakstreet springfield")]
    [InlineData("4521 Broadway, New York", "4521 Broadway, New York")]
    [InlineData("4450 Highway 62", "4450 Highway 62")]
    [InlineData("we're at 9 Elm Court.", "9 Elm Court")]
    [InlineData("42 Oak Street, the sink is leaking", "42 Oak Street")]
    [InlineData("my address is 88 Pine Ridge Dr and please hurry", "88 Pine Ridge Dr")]
    public void Check_EnglishStreetAddresses_AreKeptWithoutTheChatter(string answer, string kept)
    {
        var check = Check(Address, answer);
        Assert.True(check.Valid, answer);
        Assert.Equal(kept, check.Value);
    }

    [Theory]
    [InlineData("Calle Mayor 12, 3º B, 28013 Madrid", "Europe/Madrid")]
    [InlineData("mi dirección es Calle de Alcalá 45", "Europe/Madrid")]
    [InlineData("calle mayor número doce", "Europe/Madrid")]
    [InlineData("Av. Insurgentes Sur 1602, Col. Crédito Constructor", "America/Mexico_City")]
    [InlineData("avenida reforma 222 colonia juárez", "America/Mexico_City")]
    [InlineData("12 rue de la Paix, 75002 Paris", "Europe/Paris")]
    [InlineData("j'habite au 5 avenue Foch", "Europe/Paris")]
    [InlineData("Hauptstraße 5, 10115 Berlin", "Europe/Berlin")]
    [InlineData("Bahnhofstr. 12", "Europe/Berlin")]
    [InlineData("Berliner Allee 20", "Europe/Berlin")]
    [InlineData("Via Roma 10, Roma", "Europe/Rome")]
    [InlineData("Rua Augusta, 1500, São Paulo", "America/Sao_Paulo")]
    [InlineData("10 Downing Street, London SW1A 2AA", "Europe/London")]
    public void Check_StreetAddressesOfTheSixLanguages_AreKept(string answer, string timeZone)
    {
        var check = Check(Address, answer, In(timeZone));
        Assert.True(check.Valid, answer);
        Assert.Null(check.PlaceToConfirm);
    }

    [Fact]
    public void Check_ASpokenHouseNumber_IsKeptAsDigits() =>
        Assert.Equal("calle mayor número 12", Check(Address, "calle mayor número doce", In("Europe/Madrid")).Value);

    [Theory]
    [InlineData("62704", "America/Chicago")]
    [InlineData("the zip is 62704", "America/Chicago")]
    [InlineData("SW1A 2AA", "Europe/London")]
    [InlineData("m1 1ae", "Europe/London")]
    [InlineData("K1A 0B1", "America/Toronto")]
    [InlineData("10115 Berlin", "Europe/Berlin")]
    [InlineData("Madrid 28014", "Europe/Madrid")]
    [InlineData("01310-100", "America/Sao_Paulo")]
    [InlineData("Sydney NSW 2000", "Australia/Sydney")]
    public void Check_Postcodes_AreEnoughToPlaceTheJob(string answer, string timeZone) =>
        Assert.True(Check(Address, answer, In(timeZone)).Valid, answer);

    [Theory]
    [InlineData("28014", "Europe/Madrid")] // five digits alone outside North America: a number, not yet a place
    [InlineData("1234567", "America/Chicago")]
    public void Check_BareNumbers_AreNotAddresses(string answer, string timeZone) =>
        Assert.False(Check(Address, answer, In(timeZone)).Valid);

    [Theory]
    [InlineData("replace old 40 gallon gas water heater")]
    [InlineData("my kitchen sink is leaking")]
    [InlineData("need a new water heater installed asap")]
    [InlineData("the toilet wont stop running")]
    [InlineData("I need 2 outlets in the garage")]
    [InlineData("3 way switch not working")]
    [InlineData("fix 2 leaks on the main road")]
    [InlineData("replace the Rheem model 40112 water heater")]
    [InlineData("its leaking everywhere")]
    [InlineData("ac unit is making a loud noise")]
    [InlineData("quote for a tankless install")]
    [InlineData("cambiar el calentador de 40 galones")]
    [InlineData("se tapó el fregadero")]
    [InlineData("the furnace won't turn on")]
    [InlineData("change the locks on my front door")]
    public void Check_AJobDescription_IsRefusedWithAReAskThatSaysWhatIsNeeded(string answer)
    {
        var check = Check(Address, answer);
        Assert.False(check.Valid, answer);
        Assert.Null(check.PlaceToConfirm);
        Assert.Equal(AnswerValidator.JobInsteadOfAddressHint, check.Hint);
        Assert.Contains("street address where the work is", check.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the old mill by the river", "the old mill by the river")]
    [InlineData("my mom's place on Cedar", "my mom's place on Cedar")]
    [InlineData("Rose Cottage, Mill Lane", "Rose Cottage, Mill Lane")]
    [InlineData("it's the blue house behind the church in Millbrook", "the blue house behind the church in Millbrook")]
    [InlineData("the old mill by the river, my sink is leaking", "the old mill by the river")]
    [InlineData("la casa azul junto a la iglesia", "la casa azul junto a la iglesia")]
    [InlineData("Maple Avenue", "Maple Avenue")]
    [InlineData("corner of oak and main", "corner of oak and main")]
    [InlineData("12 Elm", "12 Elm")]
    [InlineData("po box 123", "po box 123")]
    public void Check_APlaceInTheCallersWords_IsReadBackBeforeItIsKept(string answer, string place)
    {
        var check = Check(Address, answer);
        Assert.False(check.Valid);
        Assert.Equal(place, check.PlaceToConfirm);
        Assert.Equal($"Is \u201c{place}\u201d the address where you need us?", check.Hint);
        Assert.Equal($"Is {place} the address where you need us?", Check(Address, answer, channel: Channel.VOICE).Hint);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("I don't know")]
    [InlineData("not sure, hold on")]
    [InlineData("the basement")]
    [InlineData("tomorrow morning")]
    [InlineData("5551234567")]
    [InlineData("jane@example.com")]
    [InlineData("why do you need that?")]
    [InlineData("hello?")]
    [InlineData("sí")]
    [InlineData("no sé")]
    [InlineData("it's an emergency")]
    [InlineData("water is everywhere")]
    [InlineData("you already have it")]
    [InlineData("42")]
    public void Check_NoPlaceAtAll_GetsTheAddressHint(string answer)
    {
        var check = Check(Address, answer);
        Assert.False(check.Valid, answer);
        Assert.Null(check.PlaceToConfirm);
        Assert.Equal(AnswerValidator.Hint(Address, Channel.CHAT), check.Hint);
    }

    [Theory]
    [InlineData("I'd like a quote to replace my old water heater")]
    [InlineData("the 2 story house needs 3 new outlets")]
    [InlineData("I have two kids and one dog")]
    [InlineData("it's been leaking for 3 days")]
    public void Extract_OrdinarySentences_HoldNoStreetAddress(string text) =>
        Assert.DoesNotContain(EntityExtractor.Extract(text, Chicago), e => e.Kind == EntityKind.Location && e.Confidence >= 0.9);

    [Theory]
    [InlineData("hi, water heater leaking at 42 Oak Street, Springfield, can you come", "42 Oak Street, Springfield")]
    [InlineData("tengo una fuga en Calle Mayor 12, Madrid", "Calle Mayor 12, Madrid")]
    [InlineData("Wasserschaden in der Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin")]
    public void Extract_AStreetAddressInARunOnSentence_IsFound(string text, string expected) =>
        Assert.Equal(expected, EntityExtractor.Extract(text, Chicago).First(e => e.Kind == EntityKind.Location).Value);
}
