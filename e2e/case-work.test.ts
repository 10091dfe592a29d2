import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, signIn, startHarness } from './harness.js';

type CaseItem = { ref: string; customerId: string | null; status: string; tags: string[]; mergedInto: { ref: string } | null };
type CasePage = { items: CaseItem[] };

describe.skipIf(!hasChromium)('merging, splitting, saved replies and shared views (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor inserts a saved reply, the coach reads it, and sending it moves the case on and tags it', async () => {
    const supervisor = h.login('supervisor', 'Dana Whitfield');
    const open = (await h.apiAs<CasePage>(supervisor, '/cases?status=acknowledged,reported&limit=50')).body.items;
    const kase = open.find((c) => c.customerId !== null);
    expect(kase, 'an acknowledged demo case with a customer').toBeDefined();
    const ref = kase?.ref as string;
    const { page, problems, context } = await h.newPage();
    await signIn(page, supervisor);
    await page.goto(`/cases/${ref}`);
    await page.getByRole('tab', { name: 'Reply to the customer' }).click();
    await page.getByRole('combobox', { name: 'Saved reply' }).click();
    await page.getByRole('option', { name: 'We are looking into it' }).click();
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await expect.poll(() => box.inputValue()).toMatch(/^Hello \S+,\n\nI am sorry about what happened/);
    expect(await box.inputValue()).not.toContain('{{');
    await page.getByTestId('saved-reply-actions').getByText('move the case to Investigating and add the tag callback-promised').waitFor();
    // The coach reads the inserted words like anything typed.
    await expect
      .poll(() => page.getByTestId('coach-panel').getAttribute('data-analysed'), { timeout: 10_000 })
      .toBe(await box.inputValue());
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: /^(Send|Record) reply$/ }).click();
    await page
      .getByText(/Reply (emailed|recorded)/)
      .first()
      .waitFor();
    const after = await h.apiAs<CaseItem>(supervisor, `/cases/${ref}`);
    expect(after.body.status).toBe('investigating');
    expect(after.body.tags).toContain('callback-promised');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a supervisor merges a duplicate (confirming different customers), splits a second matter off, and shares a view her team sees', async () => {
    const supervisor = h.login('supervisor', 'Dana Whitfield');
    const open = (await h.apiAs<CasePage>(supervisor, '/cases?status=investigating,resolving&limit=50')).body.items;
    const withCustomer = open.filter((c) => c.customerId !== null);
    const kept = withCustomer[0] as CaseItem;
    const duplicate = withCustomer.find((c) => c.customerId !== kept.customerId) as CaseItem;
    expect(duplicate, 'two open cases with different customers').toBeDefined();
    const { page, problems, context } = await h.newPage();
    await signIn(page, supervisor);

    await page.goto(`/cases/${duplicate.ref}`);
    await page.getByRole('button', { name: 'Merge into another case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Case to keep' }).fill(kept.ref);
    await dialog.getByRole('textbox', { name: 'Why they are the same incident' }).fill('The same visit, reported twice');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await dialog
      .getByText(/name different customers/)
      .first()
      .waitFor();
    await dialog.getByRole('checkbox', { name: /same incident/ }).check();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect
      .poll(
        async () => (new URL(page.url()).pathname === `/cases/${kept.ref}` ? 'moved' : await page.getByRole('alert').allTextContents()),
        {
          timeout: 15_000,
        },
      )
      .toBe('moved');
    await page.getByTestId('merged-cases').getByText(duplicate.ref).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`/cases/${duplicate.ref}`);
    await page.getByTestId('merged-into').getByText(kept.ref).waitFor();
    const inbox = await h.apiAs<CasePage>(supervisor, '/cases?limit=200');
    expect(inbox.body.items.map((c) => c.ref)).not.toContain(duplicate.ref);
    const byRef = await h.apiAs<CasePage>(supervisor, `/cases?q=${duplicate.ref}`);
    expect(byRef.body.items[0]?.mergedInto?.ref).toBe(kept.ref);

    await page.goto(`/cases/${kept.ref}`);
    await page.getByRole('button', { name: 'Split into a new case' }).click();
    const split = page.getByRole('dialog');
    await split.getByRole('textbox', { name: 'Title of the new case' }).fill('Parking charge on the same day');
    await split.getByRole('textbox', { name: 'What it is about' }).fill('The customer also disputes a parking charge.');
    await split.getByRole('button', { name: 'Create the new case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Parking charge on the same day' }).waitFor();
    expect(page.url()).not.toContain(kept.ref);

    await page.goto('/cases?status=investigating&sort=severity&order=asc');
    await page.getByRole('button', { name: 'Save as view' }).click();
    const save = page.getByRole('dialog');
    await save.getByRole('textbox', { name: 'Name' }).fill('Investigating, mildest first');
    await save.getByRole('combobox', { name: 'Who sees it' }).click();
    await page.getByRole('option', { name: 'Harborside Store (shared)' }).click();
    await save.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'Investigating, mildest first · Harborside Store' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const employee = h.login('employee', 'Tom Okafor');
    const tom = await h.newPage();
    await signIn(tom.page, employee);
    await tom.page.goto('/cases');
    await tom.page.getByRole('button', { name: 'Investigating, mildest first · Harborside Store' }).click();
    await expect.poll(() => new URL(tom.page.url()).searchParams.get('sort')).toBe('severity');
    expect(await tom.page.getByRole('button', { name: 'Delete view Investigating, mildest first' }).count()).toBe(0);
    expect(tom.problems).toEqual([]);
    await tom.context.close();
  });

  it('an employee attaches a file to their own statement, and it shows under it', async () => {
    const employee = h.login('employee', 'Tom Okafor');
    const me = (await h.apiAs<{ employeeId: string }>(employee, '/me')).body;
    const mine = (await h.apiAs<CasePage>(employee, '/cases?limit=100')).body.items;
    let target: { ref: string; statementAuthor: string } | undefined;
    for (const c of mine) {
      const detail = await h.apiAs<{ statements: { employeeId: string | null; authorName: string }[] }>(employee, `/cases/${c.ref}`);
      const own = detail.body.statements.find((s) => s.employeeId === me.employeeId);
      if (own) {
        target = { ref: c.ref, statementAuthor: own.authorName };
        break;
      }
    }
    expect(target, 'a case with Tom’s own statement').toBeDefined();
    const { page, problems, context } = await h.newPage();
    await signIn(page, employee);
    await page.goto(`/cases/${target?.ref}`);
    await page
      .getByRole('button', { name: `Attach a file to the statement from ${target?.statementAuthor}` })
      .first()
      .waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('button', { name: `Attach a file to the statement from ${target?.statementAuthor}` })
      .first()
      .click();
    await (await chooser).setFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Receipt 4411, paid in cash.') });
    await page.getByRole('link', { name: 'receipt.txt' }).first().waitFor();
    const files = await h.apiAs<{ items: { fileName: string; statementId: string | null }[] }>(
      employee,
      `/cases/${target?.ref}/attachments`,
    );
    expect(files.body.items.some((f) => f.fileName === 'receipt.txt' && f.statementId !== null)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
