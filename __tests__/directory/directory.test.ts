import { CACHE_SIZE, createDirectory, odataStringLiteral, DEFAULT_TIMEOUT_MS, FIRST_RETRY_MS } from "../../EmailProfileValidator/directory";
import { usersAtDomain } from "../../EmailProfileValidator/directory/odata";
import { filterOf, recordingWebApi, rows } from "./fakeWebApi";

// Tests that need the clock take fake timers; every test ends on real ones.
afterEach(() => jest.useRealTimers());

describe("queries", () => {
  it("asks for the mailbox with exactly this address, and the user who signs in with it", async () => {
    const webApi = recordingWebApi({ mailbox: rows({ name: "Jane Doe", emailaddress: "jane@contoso.com" }) });
    const finding = await createDirectory(webApi).lookUp("jane@contoso.com");
    expect(webApi.queries).toEqual([
      { entity: "mailbox", options: "?$select=name,emailaddress&$filter=emailaddress eq 'jane%40contoso.com'&$top=5" },
      { entity: "systemuser", options: "?$select=fullname,domainname,internalemailaddress&$filter=domainname eq 'jane%40contoso.com'&$top=5" },
    ]);
    expect(finding).toEqual({ status: "found", mailboxes: [{ name: "Jane Doe", emailaddress: "jane@contoso.com" }], suggestions: [] });
  });

  it("says notFound when no mailbox has the address", async () => {
    const finding = await createDirectory(recordingWebApi()).lookUp("nobody@contoso.com");
    expect(finding).toEqual({ status: "notFound", mailboxes: [], suggestions: [] });
  });

  it("asks about the cleaned address, not what was pasted", async () => {
    const webApi = recordingWebApi();
    await createDirectory(webApi).lookUp(" <jane@contoso.com>\u200b");
    expect(filterOf(webApi.queries[0])).toBe("emailaddress eq 'jane@contoso.com'");
  });

  it("looks a down-level name up by log-on name, by UPN prefix and by mailbox address prefix", async () => {
    const webApi = recordingWebApi();
    await createDirectory(webApi).lookUp("CONTOSO\\jdoe");
    expect(webApi.queries.map((q) => [q.entity, filterOf(q)])).toEqual([
      ["systemuser", "domainname eq 'CONTOSO\\jdoe'"],
      ["systemuser", "startswith(domainname,'jdoe@')"],
      ["mailbox", "startswith(emailaddress,'jdoe@')"],
    ]);
  });

  it("looks slash and bare names up by account", async () => {
    const slash = recordingWebApi();
    await createDirectory(slash).lookUp("contoso/jdoe");
    expect(slash.queries.map(filterOf)).toEqual(["domainname eq 'contoso\\jdoe'", "startswith(domainname,'jdoe@')", "startswith(emailaddress,'jdoe@')"]);
    const bare = recordingWebApi();
    await createDirectory(bare).lookUp("jdoe");
    expect(bare.queries.map(filterOf)).toEqual(["startswith(domainname,'jdoe@')", "startswith(emailaddress,'jdoe@')"]);
  });

  it("asks nothing about values it cannot help with", async () => {
    const webApi = recordingWebApi();
    const directory = createDirectory(webApi);
    for (const value of ["", "user@contoso", "a@b@c.com", ".\\admin", "contoso\\", "a@contoso.com; b@contoso.com"]) {
      expect(await directory.lookUp(value)).toEqual({ status: "unknown", mailboxes: [], suggestions: [] });
    }
    expect(webApi.queries).toEqual([]);
  });
});

describe("OData literals", () => {
  it.each([
    ["o'neil@contoso.com", "emailaddress eq 'o''neil@contoso.com'"],
    ["john+crm@contoso.com", "emailaddress eq 'john+crm@contoso.com'"],
    ["a&b@contoso.com", "emailaddress eq 'a&b@contoso.com'"],
    ["a#b@contoso.com", "emailaddress eq 'a#b@contoso.com'"],
    ["a%20b@contoso.com", "emailaddress eq 'a%20b@contoso.com'"],
  ])("%s round-trips", async (address, filter) => {
    const webApi = recordingWebApi();
    await createDirectory(webApi).lookUp(address);
    expect(filterOf(webApi.queries[0])).toBe(filter);
    // Nothing in the value can end the $filter parameter or start another.
    expect(webApi.queries[0].options.split("&").map((part) => part.split("=")[0])).toEqual(["?$select", "$filter", "$top"]);
  });

  it("keeps an injection attempt a literal", async () => {
    const webApi = recordingWebApi();
    await createDirectory(webApi).lookUp("CONTOSO\\x' or 1 eq 1");
    expect(filterOf(webApi.queries[0])).toBe("domainname eq 'CONTOSO\\x'' or 1 eq 1'");
    expect(odataStringLiteral("x' or 1 eq 1")).toBe("'x''%20or%201%20eq%201'");
  });
});

describe("suggestions from the directory", () => {
  it("offers every address found, valid ones only, each once whatever its case, at most five", async () => {
    const webApi = recordingWebApi({
      systemuser: rows(
        { fullname: "J Doe", domainname: "CONTOSO\\jdoe", internalemailaddress: "John.Doe@contoso.com" },
        { fullname: "J Doe (online)", domainname: "jdoe@contoso.com", internalemailaddress: "john.doe@CONTOSO.com" },
        { fullname: "Bad", domainname: "jdoe@contoso", internalemailaddress: "not an address" },
      ),
      mailbox: rows(
        { name: "a", emailaddress: "jdoe@fabrikam.com" },
        { name: "b", emailaddress: "jdoe@northwind.com" },
        { name: "c", emailaddress: "jdoe@adventure-works.com" },
        { name: "d", emailaddress: "jdoe@tailspin.com" },
      ),
    });
    const finding = await createDirectory(webApi).lookUp("CONTOSO\\jdoe");
    expect(finding.status).toBe("found");
    expect(finding.suggestions).toEqual(["John.Doe@contoso.com", "jdoe@contoso.com", "jdoe@fabrikam.com", "jdoe@northwind.com", "jdoe@adventure-works.com"]);
  });

  it("says notFound when nothing valid turns up", async () => {
    const finding = await createDirectory(recordingWebApi({ systemuser: rows({ domainname: "CONTOSO\\jdoe" }) })).lookUp("CONTOSO\\jdoe");
    expect(finding).toEqual({ status: "notFound", mailboxes: [], suggestions: [] });
  });
});

describe("cache", () => {
  it("asks once per value as it is queried: spellings that clean up alike share one answer", async () => {
    const webApi = recordingWebApi();
    const directory = createDirectory(webApi);
    await directory.lookUp("jane@contoso.com");
    await directory.lookUp("jane@contoso.com\u3000");
    await directory.lookUp(" <jane@contoso.com>\u200b");
    await Promise.all([directory.lookUp("bob@contoso.com"), directory.lookUp("bob@contoso.com")]);
    // Two values asked once each: a mailbox query and a sign-in-name query apiece.
    expect(webApi.queries).toHaveLength(4);
  });

  it("after a failure for a value ending in an ideographic space, the clean value is asked again once the back-off is over", async () => {
    jest.useFakeTimers();
    let fail = true;
    const webApi = {
      queries: 0,
      retrieveMultipleRecords(): Promise<ComponentFramework.WebApi.RetrieveMultipleResponse> {
        this.queries++;
        return fail ? Promise.reject(new Error("503")) : Promise.resolve(rows({ name: "Jane", emailaddress: "jane@contoso.com" }));
      },
    };
    const directory = createDirectory(webApi);
    await expect(directory.lookUp("jane@contoso.com\u3000")).resolves.toMatchObject({ status: "unknown" });
    fail = false;
    await expect(directory.lookUp("jane@contoso.com")).resolves.toMatchObject({ status: "unknown" });
    // One look-up so far: its mailbox and sign-in-name queries.
    expect(webApi.queries).toBe(2);
    await jest.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await expect(directory.lookUp("jane@contoso.com")).resolves.toMatchObject({ status: "found" });
    expect(webApi.queries).toBe(4);
  });

  it("a directory that always fails is asked a bounded number of times, however often the value settles", async () => {
    jest.useFakeTimers();
    const webApi = recordingWebApi({ mailbox: new Error("503") });
    const directory = createDirectory(webApi);
    // The value settles again every 400 ms for ten minutes: 1,500 chances to ask.
    for (let settle = 0; settle < 1500; settle++) {
      await directory.lookUp("jane@contoso.com");
      await jest.advanceTimersByTimeAsync(400);
    }
    // Back-off 2, 4, 8, 16, 32, then every 60 s: at most 15 look-ups in ten minutes, of two queries each.
    const lookUps = webApi.queries.filter((query) => query.entity === "mailbox").length;
    expect(lookUps).toBeGreaterThanOrEqual(10);
    expect(lookUps).toBeLessThanOrEqual(15);
    expect(webApi.queries).toHaveLength(lookUps * 2);
  });

  it("forgets the least recently used value past its size, and keeps one that is still in use", async () => {
    const webApi = recordingWebApi();
    const directory = createDirectory(webApi);
    await directory.lookUp("kept@contoso.com");
    for (let i = 0; i < CACHE_SIZE; i++) {
      await directory.lookUp(`user${i}@contoso.com`);
      if (i % 50 === 0) await directory.lookUp("kept@contoso.com");
    }
    const asked = webApi.queries.length;
    await directory.lookUp("kept@contoso.com");
    expect(webApi.queries.length).toBe(asked);
    await directory.lookUp("user0@contoso.com");
    expect(webApi.queries.length).toBe(asked + 2);
  });
});

describe("wildcards: startswith is a pattern match in Dataverse", () => {
  it.each([
    ["CONTOSO\\j_doe", "startswith(domainname,'j[_]doe@')"],
    ["CONTOSO\\100%", "startswith(domainname,'100[%]@')"],
    ["CONTOSO\\a[b", "startswith(domainname,'a[[]b@')"],
  ])("%s is asked about literally", async (value, filter) => {
    const webApi = recordingWebApi();
    await createDirectory(webApi).lookUp(value);
    expect(webApi.queries.map(filterOf)).toContain(filter);
  });

  it("never offers another person's address that a wildcard let through", async () => {
    const webApi = recordingWebApi({
      systemuser: rows({ fullname: "Jack Adoe", domainname: "jxdoe@contoso.com", internalemailaddress: "jack.adoe@contoso.com" }),
      mailbox: rows({ name: "Jack Adoe", emailaddress: "jxdoe@contoso.com" }, { name: "Jane", emailaddress: "J_Doe@contoso.com" }),
    });
    const finding = await createDirectory(webApi).lookUp("CONTOSO\\j_doe");
    expect(finding.suggestions).toEqual(["J_Doe@contoso.com"]);
  });

  it("a mailbox row for another address is not taken as this one's", async () => {
    const webApi = recordingWebApi({ mailbox: rows({ name: "Someone else", emailaddress: "other@contoso.com" }) });
    await expect(createDirectory(webApi).lookUp("jane@contoso.com")).resolves.toEqual({ status: "notFound", mailboxes: [], suggestions: [] });
  });
});

describe("failures mean 'could not check', never a throw", () => {
  it.each([
    ["403", new Error("Principal user is missing prvReadMailbox privilege")],
    ["network", new TypeError("Failed to fetch")],
    ["null payload", null],
    ["odd payload", { value: [] }],
    ["entities not an array", { entities: "nope" }],
  ])("%s", async (_name, answer) => {
    await expect(createDirectory(recordingWebApi({ mailbox: answer })).lookUp("jane@contoso.com")).resolves.toEqual({
      status: "unknown",
      mailboxes: [],
      suggestions: [],
    });
  });

  it("a Web API that throws on use", async () => {
    const throwing = {
      retrieveMultipleRecords: () => {
        throw new Error("Not implemented in this host");
      },
    };
    await expect(createDirectory(throwing).lookUp("jane@contoso.com")).resolves.toMatchObject({ status: "unknown" });
  });

  it("a call that hangs times out after 5 s by default", async () => {
    jest.useFakeTimers();
    const pending = createDirectory(recordingWebApi({ mailbox: "hang" })).lookUp("jane@contoso.com");
    let settled = false;
    void pending.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ status: "unknown" });
  });

  it("honours a shorter time-out", async () => {
    jest.useFakeTimers();
    const pending = createDirectory(recordingWebApi({ mailbox: "hang" }), { timeoutMs: 100 }).lookUp("jane@contoso.com");
    await jest.advanceTimersByTimeAsync(100);
    await expect(pending).resolves.toMatchObject({ status: "unknown" });
  });

  it("keeps what answered when one of several queries fails", async () => {
    const webApi = recordingWebApi({ systemuser: new Error("403"), mailbox: rows({ name: "J", emailaddress: "jdoe@contoso.com" }) });
    await expect(createDirectory(webApi).lookUp("CONTOSO\\jdoe")).resolves.toMatchObject({ status: "found", suggestions: ["jdoe@contoso.com"] });
  });
});

/**
 * KB 3214326's second paragraph: "verify a mailbox exists for the user and the UPN value in the User Name field
 * matches the email address for the user's mailbox in Exchange". Dataverse online keeps a user's UPN in
 * systemuser.domainname and the primary address in internalemailaddress (systemuser table reference).
 */
describe("the user who signs in with the typed UPN", () => {
  it("names the user's primary address when one signs in with exactly this UPN", async () => {
    const webApi = recordingWebApi({ systemuser: rows({ fullname: "Jane Doe", domainname: "Jane@Contoso.com", internalemailaddress: "jane.doe@contoso.com" }) });
    const finding = await createDirectory(webApi).lookUp("jane@contoso.com");
    expect(finding).toEqual({
      status: "notFound",
      mailboxes: [],
      suggestions: [],
      user: { fullname: "Jane Doe", domainname: "Jane@Contoso.com", internalemailaddress: "jane.doe@contoso.com" },
    });
  });

  it("ignores a returned row whose sign-in name is not the typed UPN", async () => {
    const webApi = recordingWebApi({ systemuser: rows({ domainname: "janet@contoso.com", internalemailaddress: "janet@contoso.com" }) });
    expect((await createDirectory(webApi).lookUp("jane@contoso.com")).user).toBeUndefined();
  });

  it.each([
    ["o'neil@contoso.com", "domainname eq 'o''neil@contoso.com'"],
    ["x' or 1 eq 1@contoso.com", undefined],
    ["john+crm@contoso.com", "domainname eq 'john+crm@contoso.com'"],
    ["j_doe%x@contoso.com", "domainname eq 'j_doe%x@contoso.com'"],
  ])("escapes %s as an OData literal (eq is no pattern)", async (value, filter) => {
    const webApi = recordingWebApi();
    await createDirectory(webApi).lookUp(value);
    const query = webApi.queries.find((q) => q.entity === "systemuser");
    if (filter === undefined) {
      // Not an address Exchange could have: nothing is asked at all, so nothing can change a filter's meaning.
      expect(query).toBeUndefined();
    } else {
      expect(filterOf(query ?? { entity: "", options: "" })).toBe(filter);
      // "+", "&", "#" and "%" reach Dataverse as themselves, URI-encoded.
      if (value.includes("+")) expect(query?.options).toContain("john%2Bcrm");
    }
  });

  it("a failed sign-in-name query leaves the finding unknown when no mailbox was found, and is asked again later", async () => {
    jest.useFakeTimers();
    const webApi = recordingWebApi({ systemuser: new Error("403") });
    const directory = createDirectory(webApi);
    await expect(directory.lookUp("jane@contoso.com")).resolves.toEqual({ status: "unknown", mailboxes: [], suggestions: [] });
    await jest.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await directory.lookUp("jane@contoso.com");
    expect(webApi.queries.filter((query) => query.entity === "systemuser")).toHaveLength(2);
  });
});

describe("values that could break a look-up", () => {
  it("a lone surrogate never makes the look-up throw or reject", async () => {
    const webApi = recordingWebApi();
    const directory = createDirectory(webApi);
    for (const value of ["jdoe\ud83d", "jdoe\ud83d@contoso.com", "CONTOSO\\jdoe\ude00", "\ud800"]) {
      await expect(directory.lookUp(value)).resolves.toHaveProperty("status");
    }
  });

  it("a Web API that throws synchronously, or a value that is not text, is \"could not check\"", async () => {
    const throwing = { retrieveMultipleRecords: (): never => { throw new Error("no WebAPI here"); } };
    await expect(createDirectory(throwing).lookUp("jane@contoso.com")).resolves.toMatchObject({ status: "unknown" });
    await expect(createDirectory(recordingWebApi()).lookUp(12345 as unknown as string)).resolves.toMatchObject({ status: "unknown" });
  });
});

/**
 * Issue 25: a guessed suffix (CORP\jdoe → jdoe@corp.com) is the one-click fix only when something backs it; one of
 * them is a user of this environment who signs in or receives mail at that domain (systemuser table reference:
 * domainname, internalemailaddress). One bounded, cached, escaped query per domain, under §2's rules.
 */
describe("whether a guessed domain is in use here", () => {
  it("asks one row of users who sign in or receive mail at the domain, as an escaped endswith", async () => {
    const webApi = recordingWebApi({ systemuser: rows({ domainname: "jane@Contoso.com", internalemailaddress: "jane.doe@contoso.com" }) });
    await expect(createDirectory(webApi).domainInUse?.("Contoso.com")).resolves.toBe("yes");
    expect(webApi.queries).toEqual([
      {
        entity: "systemuser",
        options: "?$select=domainname,internalemailaddress&$filter=endswith(domainname,'%40contoso.com') or endswith(internalemailaddress,'%40contoso.com')&$top=1",
      },
    ]);
    expect(webApi.queries[0].options.split("&").map((part) => part.split("=")[0])).toEqual(["?$select", "$filter", "$top"]);
  });

  it("no user at the domain is \"no\", and a row that does not really end in it is not taken on trust", async () => {
    await expect(createDirectory(recordingWebApi()).domainInUse?.("corp.com")).resolves.toBe("no");
    const loose = recordingWebApi({ systemuser: rows({ domainname: "jane@notcorp.com", internalemailaddress: "jane@corp.com.evil.example" }) });
    await expect(createDirectory(loose).domainInUse?.("corp.com")).resolves.toBe("no");
  });

  it("asks once per domain, whatever its case, and nothing for what is not a plain host name", async () => {
    const webApi = recordingWebApi();
    const directory = createDirectory(webApi);
    await Promise.all([directory.domainInUse?.("corp.com"), directory.domainInUse?.("CORP.com"), directory.domainInUse?.(" corp.com ")]);
    for (const odd of ["", "corp", "a'b.com", "x%y.com", "a_b.com", "[10.0.0.1]", "-corp.com", 42 as unknown as string]) {
      await expect(directory.domainInUse?.(odd)).resolves.toBe("unknown");
    }
    expect(webApi.queries).toHaveLength(1);
  });

  it("brackets the wildcards endswith would read in the suffix it is given", () => {
    expect(decodeURIComponent(usersAtDomain("a_b%c[d.com").options)).toContain("endswith(domainname,'@a[_]b[%]c[[]d.com')");
  });

  it.each([
    ["a 403", new Error("Principal user is missing prvReadSystemUser privilege")],
    ["an odd payload", { value: [] }],
  ])("%s is \"unknown\", never a rejection, and is asked again only after the back-off", async (_name, answer) => {
    jest.useFakeTimers();
    const webApi = recordingWebApi({ systemuser: answer });
    const directory = createDirectory(webApi);
    await expect(directory.domainInUse?.("corp.com")).resolves.toBe("unknown");
    await expect(directory.domainInUse?.("corp.com")).resolves.toBe("unknown");
    expect(webApi.queries).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await directory.domainInUse?.("corp.com");
    expect(webApi.queries).toHaveLength(2);
  });

  it("a call that hangs is \"unknown\" after the time-out", async () => {
    jest.useFakeTimers();
    const pending = createDirectory(recordingWebApi({ systemuser: "hang" })).domainInUse?.("corp.com");
    await jest.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS);
    await expect(pending).resolves.toBe("unknown");
  });
});
