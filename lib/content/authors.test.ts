import { describe, expect, it } from "vitest";
import { parseAuthors } from "./authors";

describe("parseAuthors", () => {
  it("reads a field written without a value as not set, not as the text null", () => {
    const { authors, problems } = parseAuthors("jane:\n  name:\n  bio: ~\n  twitter:\n", "_data/authors.yml");
    expect(problems).toEqual([]);
    expect(authors).toMatchObject([{ id: "jane", name: "jane", fullName: "jane", description: "", links: [] }]);
  });

  it("reports a bad field on its line, with what it found and expects, and keeps the rest of the profile", () => {
    const { authors, problems } = parseAuthors("bob:\n  name: Bob\n  avatar: 12\n  links: 5\n", "_data/authors.yml");
    expect(authors).toMatchObject([{ id: "bob", name: "Bob", image: undefined, links: [] }]);
    expect(problems).toMatchObject([
      { rule: "authors/invalid", line: 3, field: "avatar", found: "12", message: "Author profile `bob` has an invalid `avatar`; it is left out", expected: "a text: an image file name, path or URL" },
      { rule: "authors/invalid", line: 4, field: "links", found: "5" },
    ]);
  });

  it("skips an entry that is not a profile at all, saying so", () => {
    const { authors, problems } = parseAuthors("- just a name\n- id: ann\n  name: Ann\n", "_data/authors.yml");
    expect(authors.map((a) => a.id)).toEqual(["ann"]);
    expect(problems).toMatchObject([{ rule: "authors/invalid", line: 1, message: "Author profile 1 is not a mapping of fields; it is skipped" }]);
  });

  it("does not read a list or mapping as a name or bio", () => {
    const { authors, problems } = parseAuthors("ann:\n  name: [1, 2]\n  bio: 42\n", "_data/authors.yml");
    expect(authors).toMatchObject([{ id: "ann", name: "ann", description: "42" }]);
    expect(problems).toMatchObject([{ rule: "authors/invalid", line: 2, field: "name", found: "[1,2]", expected: "a text: the name bylines show" }]);
  });

  it("skips a profile whose id has nothing to name its page with (`../..` would be a page outside the site)", () => {
    const { authors, problems } = parseAuthors('- id: "../.."\n  name: Dots\n- id: "!!!"\n- id: ann\n', "_data/authors.yml");
    expect(authors.map((a) => a.id)).toEqual(["ann"]);
    expect(problems).toMatchObject([
      { rule: "authors/invalid", line: 1, field: "id", found: '"../.."', message: "Author id `../..` has no letter or digit to name the author's page with; the profile is skipped" },
      { rule: "authors/invalid", line: 3, field: "id", found: '"!!!"' },
    ]);
  });

  it("keeps ids in other scripts as they are", () => {
    expect(parseAuthors("- id: 李明\n", "_data/authors.yml").authors).toMatchObject([{ id: "李明", slug: "李明" }]);
  });

  it("stops the build on two ids that would share an author page: posts would show the wrong person", () => {
    const { authors, problems } = parseAuthors('- id: "Jane Doe"\n  full_name: Jane One\n- id: jane-doe\n  full_name: Jane Two\n', "_data/authors.yml");
    expect(authors).toMatchObject([{ id: "Jane Doe", slug: "jane-doe", fullName: "Jane One" }]);
    expect(problems).toMatchObject([{
      rule: "authors/invalid", line: 3, field: "id", found: '"jane-doe"', blocksBuild: true,
      message: "Author ids `Jane Doe` and `jane-doe` would share one author page (jane-doe), and posts naming `jane-doe` would show `Jane Doe`'s profile",
    }]);
  });
});
