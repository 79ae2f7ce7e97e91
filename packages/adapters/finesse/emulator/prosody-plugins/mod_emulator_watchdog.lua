-- Stops this Prosody when the Node process that started it is gone (killed, crashed), so a test
-- run or the emulator's CLI never leaves a server or its run folder behind. The parent's pid and
-- the run folder come from the config. Nothing is logged on the way out: the console it would
-- log to belonged to the process that is gone.

module:set_global();

local lfs = require "lfs";
local parent = module:get_option_number("emulator_parent_pid");
local run_dir = module:get_option_string("emulator_run_dir");

local function remove_tree(path)
	local mode = lfs.symlinkattributes(path, "mode");
	if mode == "directory" then
		for entry in lfs.dir(path) do
			if entry ~= "." and entry ~= ".." then remove_tree(path .. "/" .. entry); end
		end
		lfs.rmdir(path);
	elseif mode ~= nil then
		os.remove(path);
	end
end

if parent then
	module:add_timer(1, function ()
		if lfs.attributes("/proc/" .. parent) ~= nil then return 1; end
		if run_dir and run_dir:match("/cc%-finesse%-prosody%-[^/]+$") then pcall(remove_tree, run_dir); end
		os.exit(0, true);
	end);
end
